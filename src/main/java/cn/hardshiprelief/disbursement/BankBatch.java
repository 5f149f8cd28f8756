package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.fund.Fund;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** One bank batch file: the payments of one fund for one day, as sent to the bank. */
@Entity
@Table(name = "aid_bank_batch")
public class BankBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "batch_number", nullable = false, unique = true)
    private String batchNumber;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "fund_id")
    private Fund fund;

    @Column(name = "payment_day", nullable = false)
    private LocalDate day;

    @Column(name = "payment_count", nullable = false)
    private int paymentCount;

    @Column(name = "total_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalAmount;

    @Column(name = "exported_by", nullable = false)
    private String exportedBy;

    @Column(name = "exported_at", nullable = false)
    private Instant exportedAt;

    @Column(name = "result_imported_at")
    private Instant resultImportedAt;

    protected BankBatch() {
    }

    BankBatch(String batchNumber, Fund fund, LocalDate day, int paymentCount, BigDecimal totalAmount,
              String exportedBy, Instant exportedAt) {
        this.batchNumber = batchNumber;
        this.fund = fund;
        this.day = day;
        this.paymentCount = paymentCount;
        this.totalAmount = totalAmount;
        this.exportedBy = exportedBy;
        this.exportedAt = exportedAt;
    }

    void resultImported(Instant at) {
        this.resultImportedAt = at;
    }

    public Long getId() { return id; }
    public String getBatchNumber() { return batchNumber; }
    public Fund getFund() { return fund; }
    public LocalDate getDay() { return day; }
    public int getPaymentCount() { return paymentCount; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public String getExportedBy() { return exportedBy; }
    public Instant getExportedAt() { return exportedAt; }
    public Instant getResultImportedAt() { return resultImportedAt; }
}
