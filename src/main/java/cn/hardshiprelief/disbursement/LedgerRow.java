package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.aid.AidKind;

/**
 * A ledger entry as lists show it: the payment with its grant's number and kind, and its bank batch (read while
 * the transaction is open, the batch being loaded lazily).
 */
public record LedgerRow(Payment payment, Long grantId, String grantNumber, AidKind kind, Long batchId,
                        String batchNumber) {
}
