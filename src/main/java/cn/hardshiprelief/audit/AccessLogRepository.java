package cn.hardshiprelief.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;

/** Every query names an indexed prefix: (kind, record_id) for a file, (username) or accessed_at for a search. */
interface AccessLogRepository extends JpaRepository<AccessLogEntry, Long>, JpaSpecificationExecutor<AccessLogEntry> {

    /** Views of a household file and of the application it was filed from, newest first. */
    @Query("""
            select e from AccessLogEntry e
            where (e.kind = cn.hardshiprelief.audit.AccessLogEntry.Kind.HOUSEHOLD_FILE and e.recordId = :fileId)
               or (e.kind in :applicationKinds and e.recordId = :applicationId)
            order by e.accessedAt desc, e.id desc""")
    Page<AccessLogEntry> findOfFile(@Param("fileId") Long fileId, @Param("applicationId") Long applicationId,
                                    @Param("applicationKinds") Collection<AccessLogEntry.Kind> applicationKinds,
                                    Pageable page);
}
