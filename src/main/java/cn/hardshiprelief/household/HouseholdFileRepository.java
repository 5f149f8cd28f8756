package cn.hardshiprelief.household;

import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface HouseholdFileRepository extends JpaRepository<HouseholdFile, Long>, JpaSpecificationExecutor<HouseholdFile> {

    Optional<HouseholdFile> findByApplicationId(Long applicationId);

    /** The file, or 404 in the reader's language. */
    default HouseholdFile require(Long id) {
        return findById(id).orElseThrow(() -> new NotFoundException("household.notFound"));
    }

    /** Active files holding any of these people (by identity-number blind index). */
    @Query("select distinct f from HouseholdFile f join f.members m where m.idNumberHash in :hashes"
            + " and f.status in (cn.hardshiprelief.household.FileStatus.ACTIVE,"
            + " cn.hardshiprelief.household.FileStatus.STANDING_SUPPORT, cn.hardshiprelief.household.FileStatus.RELAPSED)")
    List<HouseholdFile> findActiveHolding(Collection<String> hashes);

    /** Active files whose head (the worker who applied) is this account. */
    @Query("select f from HouseholdFile f where f.headUsername = :username"
            + " and f.status in (cn.hardshiprelief.household.FileStatus.ACTIVE,"
            + " cn.hardshiprelief.household.FileStatus.STANDING_SUPPORT, cn.hardshiprelief.household.FileStatus.RELAPSED)")
    List<HouseholdFile> findActiveHeadedBy(String username);
}
