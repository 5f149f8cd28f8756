package cn.hardshiprelief.campaign;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface CampaignRepository extends JpaRepository<WarmthCampaign, Long> {

    List<WarmthCampaign> findByUnionIdOrderByIdDesc(Long unionId);

    List<WarmthCampaign> findByCountyUnionIdOrderByIdDesc(Long countyUnionId);

    List<WarmthCampaign> findAllByOrderByIdDesc();
}
