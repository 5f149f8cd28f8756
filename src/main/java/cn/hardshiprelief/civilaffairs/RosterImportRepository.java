package cn.hardshiprelief.civilaffairs;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

interface RosterImportRepository extends JpaRepository<RosterImport, Long> {

    List<RosterImport> findByOrderByUploadedAtDescIdDesc(Limit limit);

    List<RosterImport> findByStateInAndUpdatedAtBefore(Collection<RosterImportState> states, Instant before);
}
