package cn.hardshiprelief.notification;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;

/** Every query here names the recipient first, so each reads the recipient's rows from an index (021-notifications.xml). */
interface NotificationRepository extends JpaRepository<Notification, Long> {

    /** A page of a person's notifications, newest first; a slice, not a page: no count of them all. */
    Slice<Notification> findByRecipientOrderByCreatedAtDescIdDesc(String recipient, Pageable page);

    long countByRecipientAndReadAtIsNull(String recipient);

    @Modifying
    @Query("update Notification n set n.readAt = :now where n.recipient = :recipient and n.readAt is null")
    int markAllRead(String recipient, Instant now);
}
