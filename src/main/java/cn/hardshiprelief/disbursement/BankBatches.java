package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.aid.AidGrantLifecycle;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 银行批次: the day's payments of one fund, sent to the bank in one file. Exporting marks each payment as sent, so
 * the next export of the same day holds only what was disbursed since; a batch can be downloaded again with the
 * same rows. Only the staff of the union that owns the fund may export or download.
 */
@Service
@Transactional(readOnly = true)
public class BankBatches {

    private final Funds funds;
    private final BankBatchRepository batches;
    private final PaymentRepository payments;
    private final PaymentLocks locks;
    private final LedgerRows rows;
    private final AidGrantLifecycle lifecycle;

    public BankBatches(Funds funds, BankBatchRepository batches, PaymentRepository payments, PaymentLocks locks,
                       LedgerRows rows, AidGrantLifecycle lifecycle) {
        this.funds = funds;
        this.batches = batches;
        this.payments = payments;
        this.locks = locks;
        this.rows = rows;
        this.lifecycle = lifecycle;
    }

    /** Today in China, the day a batch is for unless another is chosen. */
    public LocalDate today() {
        return lifecycle.today();
    }

    /**
     * Puts the fund's pending payments of the day into a new batch numbered {@code YYYYMMDD-F<fund>-<n>}. The
     * payments are locked first: a second click waits, then finds nothing pending and says so.
     */
    @Transactional
    public BankBatch export(Actor actor, Long fundId, LocalDate day) {
        Fund fund = funds.fund(actor, fundId);
        LocalDate paymentDay = day == null ? today() : day;
        List<Payment> pending = locks.lockByFundAndDay(fund.getId(), paymentDay, PaymentStatus.PENDING);
        if (pending.isEmpty()) {
            throw new NothingToExportException(paymentDay);
        }
        long n = batches.countByFundIdAndDay(fund.getId(), paymentDay) + 1;
        String number = "%s-F%d-%d".formatted(paymentDay.format(DateTimeFormatter.BASIC_ISO_DATE), fund.getId(), n);
        BigDecimal total = pending.stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BankBatch batch;
        try {
            batch = batches.saveAndFlush(new BankBatch(number, fund, paymentDay, pending.size(), total,
                    actor.username(), lifecycle.now()));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("bank.batchTaken", number);
        }
        pending.forEach(p -> p.exported(batch));
        return batch;
    }

    public BankBatch batch(Actor actor, Long batchId) {
        BankBatch batch = batches.findById(batchId).orElseThrow(() -> new NotFoundException("bank.batchNotFound"));
        funds.fund(actor, batch.getFund().getId());
        return batch;
    }

    public BatchView view(Actor actor, Long batchId) {
        BankBatch batch = batch(actor, batchId);
        return new BatchView(batch, rows.of(payments.findByBatchIdOrderByIdAsc(batch.getId())));
    }

    /** The batch's file, the same rows in the same order each time it is downloaded. */
    public XlsxFile file(Actor actor, Long batchId) {
        BankBatch batch = batch(actor, batchId);
        List<BankBatchFile.Line> lines = rows.of(payments.findByBatchIdOrderByIdAsc(batch.getId())).stream()
                .map(row -> new BankBatchFile.Line(row.payment().getPaymentKey(), row.payment().getPayeeName(),
                        row.payment().getPayeeAccount(), row.payment().getPayeeBank(), row.payment().getAmount(),
                        rows.purpose(row)))
                .toList();
        return new XlsxFile(batch.getBatchNumber() + ".xlsx", BankBatchFile.write(batch.getBatchNumber(), lines));
    }

    public List<BankBatch> ofFund(Fund fund) {
        return batches.findByFundIdOrderByIdDesc(fund.getId());
    }

    /** A batch with its payments as they stand now. */
    public record BatchView(BankBatch batch, List<LedgerRow> rows) {
    }
}
