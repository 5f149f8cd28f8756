package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidGrantRepository;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Ledger entries with their grants, looked up in one query per list rather than one per row. */
@Component
class LedgerRows {

    private final AidGrantRepository grants;
    private final MessageSource messages;

    LedgerRows(AidGrantRepository grants, MessageSource messages) {
        this.grants = grants;
        this.messages = messages;
    }

    List<LedgerRow> of(List<Payment> payments) {
        Map<Long, AidGrant> byId = grants.findByIdIn(payments.stream().map(Payment::getGrantId).distinct().toList())
                .stream().collect(Collectors.toMap(AidGrant::getId, Function.identity()));
        return payments.stream().map(p -> row(p, byId.get(p.getGrantId()))).toList();
    }

    /** 用途 in the bank file: the kind in Chinese and the grant number, whatever the exporting user's language. */
    String purpose(LedgerRow row) {
        String kind = row.kind() == null ? "" : messages.getMessage("aid.kind." + row.kind().name(), null,
                row.kind().name(), Locale.SIMPLIFIED_CHINESE);
        return (kind + " " + (row.grantNumber() == null ? "" : row.grantNumber())).strip();
    }

    private static LedgerRow row(Payment payment, AidGrant grant) {
        BankBatch batch = payment.getBatch();
        return new LedgerRow(payment, payment.getGrantId(), grant == null ? null : grant.getGrantNumber(),
                grant == null ? null : grant.getKind(), batch == null ? null : batch.getId(),
                batch == null ? null : batch.getBatchNumber());
    }
}
