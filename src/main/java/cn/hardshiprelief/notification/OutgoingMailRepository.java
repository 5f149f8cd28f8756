package cn.hardshiprelief.notification;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

/** Each query names a status first, so it reads from ix_outgoing_mail_due, never the whole outbox. */
interface OutgoingMailRepository extends JpaRepository<OutgoingMail, Long> {

    @Query("select m.id from OutgoingMail m where m.status = :status and m.nextAttemptAt <= :now order by m.nextAttemptAt")
    List<Long> dueIds(OutgoingMail.Status status, Instant now, Pageable batch);

    /**
     * Takes a due mail for one try: counts the attempt and holds it until {@code leaseEnd}. One node wins; another
     * node that read the same id finds it no longer due and updates nothing. A node that dies while sending leaves
     * the mail to be tried again when its lease ends.
     */
    @Modifying
    @Query("update OutgoingMail m set m.attempts = m.attempts + 1, m.nextAttemptAt = :leaseEnd"
            + " where m.id = :id and m.status = :pending and m.nextAttemptAt <= :now")
    int claim(Long id, OutgoingMail.Status pending, Instant now, Instant leaseEnd);

    Slice<OutgoingMail> findByStatusOrderByNextAttemptAtDesc(OutgoingMail.Status status, Pageable page);
}
