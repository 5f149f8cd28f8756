package cn.hardshiprelief.enrollment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface ApplicationEventRepository extends JpaRepository<ApplicationEvent, Long> {

    Optional<ApplicationEvent> findByTaskId(String taskId);

    /** The events of these tasks (task_id is unique), for a page of the done list. */
    List<ApplicationEvent> findByTaskIdIn(java.util.Collection<String> taskIds);

}
