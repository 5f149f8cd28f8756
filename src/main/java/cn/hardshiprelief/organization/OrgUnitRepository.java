package cn.hardshiprelief.organization;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {
    Optional<OrgUnit> findByCode(String code);

    List<OrgUnit> findByCodeIn(Collection<String> codes);
}
