package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.vocabulary.GrantId;
import cn.hardshiprelief.aid.AidGrantLifecycle;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 回盘: the bank's result file for a batch. The whole file is checked before anything is applied (a wrong key, a
 * payment of another batch, an unknown result word stops it with the line), then in one transaction each payment is
 * settled and its grant told: a confirmed one waits for the recipient's receipt, a returned one puts the money back
 * in reserve and becomes a task (the grant's lifecycle does both). Payments settled before are skipped, so the same
 * file uploaded twice is applied once.
 */
@Service
public class BankResults {

    /** A result file of a batch of thousands is well under this; anything larger is not one. */
    static final long MAX_SIZE = 10L * 1024 * 1024;

    private final BankBatches batches;
    private final PaymentRepository payments;
    private final PaymentLocks locks;
    private final AidGrantLifecycle lifecycle;

    public BankResults(BankBatches batches, PaymentRepository payments, PaymentLocks locks,
                       AidGrantLifecycle lifecycle) {
        this.batches = batches;
        this.payments = payments;
        this.locks = locks;
        this.lifecycle = lifecycle;
    }

    @Transactional
    public Summary importResult(Actor actor, Long batchId, MultipartFile file) {
        BankBatch batch = batches.batch(actor, batchId);
        if (file == null || file.isEmpty()) {
            throw new BusinessException("bank.noFile");
        }
        if (file.getSize() > MAX_SIZE) {
            throw new BusinessException("bank.tooLarge", MAX_SIZE / 1024 / 1024);
        }
        List<BankResultFile.Line> lines;
        try (InputStream content = file.getInputStream()) {
            lines = BankResultFile.read(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            throw new BusinessException("bank.noRows");
        }
        // locked: a second upload of the same file waits for this one and then finds every payment settled
        Map<String, Payment> ofBatch = locks.lockByBatch(batch.getId()).stream()
                .collect(Collectors.toMap(Payment::getPaymentKey, Function.identity()));
        check(lines, ofBatch);

        Instant now = lifecycle.now();
        int confirmed = 0;
        int failed = 0;
        List<String> skipped = new ArrayList<>();
        for (BankResultFile.Line line : lines) {
            Payment payment = ofBatch.get(line.paymentKey());
            if (payment.getStatus() != PaymentStatus.EXPORTED) {
                skipped.add(payment.getPaymentKey());
            } else if (line.confirmed()) {
                payment.confirmed(now);
                lifecycle.bankResult(GrantId.required(payment.getGrantId()), true, null);
                confirmed++;
            } else {
                payment.failed(line.reason(), now);
                lifecycle.bankResult(GrantId.required(payment.getGrantId()), false, line.reason());
                failed++;
            }
        }
        batch.resultImported(now);
        return new Summary(batch.getBatchNumber(), confirmed, failed, List.copyOf(skipped));
    }

    private void check(List<BankResultFile.Line> lines, Map<String, Payment> ofBatch) {
        Set<String> seen = new HashSet<>();
        for (BankResultFile.Line line : lines) {
            if (!seen.add(line.paymentKey())) {
                throw new BusinessException("bank.duplicatePayment", String.valueOf(line.line()),
                        line.paymentKey());
            }
            if (!ofBatch.containsKey(line.paymentKey())) {
                throw new BusinessException(payments.findByPaymentKey(line.paymentKey()).isPresent()
                        ? "bank.unknownPayment" : "bank.noSuchPayment", String.valueOf(line.line()),
                        line.paymentKey());
            }
        }
    }

    /** What an upload did: payments confirmed, returned, and skipped because they had been settled before. */
    public record Summary(String batchNumber, int confirmed, int failed, List<String> skipped) implements Serializable {
    }
}
