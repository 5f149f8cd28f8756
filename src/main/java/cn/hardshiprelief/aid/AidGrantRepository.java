package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.SchoolingStage;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface AidGrantRepository extends JpaRepository<AidGrant, Long> {

    Optional<AidGrant> findByRequestToken(String requestToken);

    /** Grants that count (not rejected, refused or cancelled) of one kind for a household in a year. */
    @Query("select g from AidGrant g where g.year = :year and g.kind = :kind and g.status not in :notCounting"
            + " and ((:fileId is not null and g.fileId = :fileId) or (:fileId is null and g.beneficiaryUsername = :username))"
            + " order by g.id")
    List<AidGrant> countingOfKind(@Param("fileId") Long fileId, @Param("username") String username,
                                  @Param("year") int year, @Param("kind") AidKind kind,
                                  @Param("notCounting") Collection<GrantStatus> notCounting);

    /**
     * Education grants that count at one schooling stage, any year and any file: of the student with this blind
     * index, and of the file's grants requested before students were members (no key; matched by name after).
     */
    @Query("select g from AidGrant g where g.kind = :kind and g.stage = :stage and g.status not in :notCounting"
            + " and (g.studentKey = :studentKey or (g.studentKey is null and g.fileId = :fileId)) order by g.id")
    List<AidGrant> countingOfStudentAtStage(@Param("kind") AidKind kind, @Param("stage") SchoolingStage stage,
                                            @Param("studentKey") String studentKey, @Param("fileId") Long fileId,
                                            @Param("notCounting") Collection<GrantStatus> notCounting);

    @Query("select coalesce(sum(g.amount), 0) from AidGrant g where g.year = :year and g.status not in :notCounting"
            + " and ((:fileId is not null and g.fileId = :fileId) or (:fileId is null and g.beneficiaryUsername = :username))")
    BigDecimal countingTotal(@Param("fileId") Long fileId, @Param("username") String username, @Param("year") int year,
                             @Param("notCounting") Collection<GrantStatus> notCounting);

    List<AidGrant> findByFileIdOrderByRequestedAtDesc(Long fileId);

    Page<AidGrant> findByGrantingUnionIdOrderByRequestedAtDesc(Long unionId, Pageable page);

    Page<AidGrant> findByCountyUnionIdOrderByRequestedAtDesc(Long countyId, Pageable page);

    Page<AidGrant> findByBeneficiaryUsernameOrderByRequestedAtDesc(String username, Pageable page);

    Page<AidGrant> findAllByOrderByRequestedAtDesc(Pageable page);

    List<AidGrant> findByIdIn(Collection<Long> ids);
}
