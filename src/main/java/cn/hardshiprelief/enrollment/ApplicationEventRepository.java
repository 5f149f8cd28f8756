package cn.hardshiprelief.enrollment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface ApplicationEventRepository extends JpaRepository<ApplicationEvent, Long> {

    Optional<ApplicationEvent> findByTaskId(String taskId);

    /** The done list (已办): decisions this person made, newest first. */
    @Query("select e from ApplicationEvent e join fetch e.application where e.actorUsername = :username and e.outcome in (cn.hardshiprelief.enrollment.EventOutcome.APPROVED, cn.hardshiprelief.enrollment.EventOutcome.RETURNED, cn.hardshiprelief.enrollment.EventOutcome.REJECTED) order by e.occurredAt desc")
    List<ApplicationEvent> findDecisionsBy(String username);
}
