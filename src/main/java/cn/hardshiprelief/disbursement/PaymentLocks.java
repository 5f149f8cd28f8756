package cn.hardshiprelief.disbursement;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.List;

/**
 * The ledger entries a bank batch changes, read with a row lock (SELECT … FOR UPDATE). Two exports of the same
 * fund and day, or two uploads of the same result file, run one after the other: the second waits, then reads
 * what the first committed (the payments already exported, already settled) and does not repeat it.
 */
interface PaymentLocks extends Repository<Payment, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.fund.id = :fundId and p.day = :day and p.status = :status order by p.id")
    List<Payment> lockByFundAndDay(@Param("fundId") Long fundId, @Param("day") LocalDate day,
                                   @Param("status") PaymentStatus status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.batch.id = :batchId order by p.id")
    List<Payment> lockByBatch(@Param("batchId") Long batchId);
}
