package cn.hardshiprelief.aid;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface AidGrantEventRepository extends JpaRepository<AidGrantEvent, Long> {

    List<AidGrantEvent> findByGrantIdOrderByOccurredAtAscIdAsc(Long grantId);
}
