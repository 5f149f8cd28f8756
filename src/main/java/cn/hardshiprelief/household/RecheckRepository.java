package cn.hardshiprelief.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface RecheckRepository extends JpaRepository<Recheck, Long> {

    Optional<Recheck> findFirstByFileIdOrderByRecordedAtDescIdDesc(Long fileId);

    Optional<Recheck> findByTaskId(String taskId);

    List<Recheck> findByFileIdOrderByRecordedAtDesc(Long fileId);
}
