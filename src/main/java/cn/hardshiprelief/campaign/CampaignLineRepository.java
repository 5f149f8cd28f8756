package cn.hardshiprelief.campaign;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

public interface CampaignLineRepository extends JpaRepository<CampaignLine, Long> {

    @Query("select l.id from CampaignLine l where l.campaignId = :campaignId and l.lineIndex between :from and :to"
            + " and l.status in (cn.hardshiprelief.campaign.LineStatus.SELECTED, cn.hardshiprelief.campaign.LineStatus.FAILED)"
            + " order by l.lineIndex")
    List<Long> unpaidInRange(@Param("campaignId") Long campaignId, @Param("from") int from, @Param("to") int to);

    Page<CampaignLine> findByCampaignIdOrderByLineIndex(Long campaignId, Pageable page);

    List<CampaignLine> findByCampaignIdAndStatusOrderByLineIndex(Long campaignId, LineStatus status);

    @Query("select l.status, count(l), sum(case when l.visitedAt is null then 0 else 1 end) from CampaignLine l"
            + " where l.campaignId = :campaignId group by l.status")
    List<Object[]> progress(@Param("campaignId") Long campaignId);

    @Query("select l.campaignId, l.status, count(l) from CampaignLine l where l.campaignId in :campaignIds"
            + " group by l.campaignId, l.status")
    List<Object[]> countsByStatus(@Param("campaignIds") Collection<Long> campaignIds);
}
