package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.person.EncryptedAccountConverter;
import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A ledger entry (发放台账): one payment of one grant. Its {@code paymentKey} is derived from the grant and
 * the attempt ({@code G<grant id>-<attempt>}) and is unique in the database, so a disbursement retried after
 * a crash or a timeout finds the entry instead of paying again.
 */
@Entity
@Table(name = "aid_payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "payment_key", nullable = false, unique = true)
    private String paymentKey;

    @Column(name = "grant_id", nullable = false)
    private Long grantId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "fund_id")
    private Fund fund;

    @Column(name = "file_id")
    private Long fileId;

    @Column(name = "payee_name", nullable = false)
    private String payeeName;

    @Column(name = "payee_account")
    @Convert(converter = EncryptedAccountConverter.class)
    private String payeeAccount;

    @Column(name = "payee_bank")
    private String payeeBank;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "payment_day", nullable = false)
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "batch_id")
    private BankBatch batch;

    @Column(name = "bank_message")
    private String bankMessage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected Payment() {
    }

    Payment(String paymentKey, AidGrant grant, LocalDate day, Instant now) {
        this.paymentKey = paymentKey;
        this.grantId = grant.getId();
        this.fund = grant.getFund();
        this.fileId = grant.getFileId();
        this.payeeName = grant.getBeneficiaryName();
        this.payeeAccount = grant.getPayeeAccount();
        this.payeeBank = grant.getPayeeBank();
        this.amount = grant.getAmount();
        this.day = day;
        this.status = PaymentStatus.PENDING;
        this.createdAt = now;
    }

    void exported(BankBatch batch) {
        if (status != PaymentStatus.PENDING) {
            throw new ConflictException("payment.wrongStatus", paymentKey, status);
        }
        this.batch = batch;
        this.status = PaymentStatus.EXPORTED;
    }

    void confirmed(Instant now) {
        settle(PaymentStatus.CONFIRMED, null, now);
    }

    void failed(String message, Instant now) {
        settle(PaymentStatus.FAILED, message, now);
    }

    private void settle(PaymentStatus to, String message, Instant now) {
        if (status != PaymentStatus.EXPORTED) {
            throw new ConflictException("payment.wrongStatus", paymentKey, status);
        }
        this.status = to;
        this.bankMessage = message == null || message.length() <= 500 ? message : message.substring(0, 500);
        this.settledAt = now;
    }

    public Long getId() { return id; }
    public String getPaymentKey() { return paymentKey; }
    public Long getGrantId() { return grantId; }
    public Fund getFund() { return fund; }
    public Long getFileId() { return fileId; }
    public String getPayeeName() { return payeeName; }
    public String getPayeeAccount() { return payeeAccount; }
    public String getPayeeBank() { return payeeBank; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getDay() { return day; }
    public PaymentStatus getStatus() { return status; }
    public BankBatch getBatch() { return batch; }
    public String getBankMessage() { return bankMessage; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSettledAt() { return settledAt; }

    public String getPayeeAccountMasked() {
        return AidGrant.maskAccount(payeeAccount);
    }
}
