package cn.hardshiprelief.workbench;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface StepDeadlineRepository extends JpaRepository<StepDeadline, StepDeadline.Key> {

    List<StepDeadline> findAllByOrderByProcessIdAscStepIdAsc();
}
