package cn.hardshiprelief.notice;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface PublicNoticeRepository extends JpaRepository<PublicNotice, Long> {

    Optional<PublicNotice> findByApplicationId(Long applicationId);

    @Query("select n from PublicNotice n where n.unit.code = :unitCode and n.status in"
            + " (cn.hardshiprelief.notice.NoticeStatus.RUNNING, cn.hardshiprelief.notice.NoticeStatus.OBJECTED)"
            + " order by n.startsOn desc, n.id desc")
    List<PublicNotice> findOpenAt(String unitCode);

    /** Notices still running (objected or not), the first to end first: index (status, ends_on). */
    Page<PublicNotice> findByStatusInOrderByEndsOnAscIdAsc(java.util.Collection<NoticeStatus> statuses, Pageable page);
}
