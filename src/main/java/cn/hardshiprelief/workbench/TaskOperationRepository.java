package cn.hardshiprelief.workbench;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

interface TaskOperationRepository extends JpaRepository<TaskOperation, Long> {

    /** A case's operations in order (index ix_task_operation_case). */
    List<TaskOperation> findByProcessInstanceIdOrderByOccurredAtAscIdAsc(String processInstanceId);

    boolean existsByProcessInstanceIdAndUrgedOn(String processInstanceId, LocalDate day);
}
