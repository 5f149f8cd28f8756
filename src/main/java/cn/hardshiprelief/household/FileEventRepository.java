package cn.hardshiprelief.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface FileEventRepository extends JpaRepository<FileEvent, Long> {
    List<FileEvent> findByFileIdOrderByOccurredAtDescIdDesc(Long fileId);
}
