package cn.hardshiprelief.enrollment.api;

import cn.hardshiprelief.enrollment.TaskItem;

import java.math.BigDecimal;
import java.time.Instant;

/** A line of the API's task list. */
public record TaskResponse(String taskId, String step, String name, Instant created, Long applicationId,
                           String applicationNumber, String applicantName, String department,
                           BigDecimal perCapitaIncome) {

    static TaskResponse of(TaskItem item) {
        return new TaskResponse(item.task().id(), item.task().stepId(), item.task().name(), item.task().created(),
                item.application().getId(), item.application().getApplicationNumber(), item.applicantName(),
                item.application().getDepartment().getName(), item.application().getPerCapitaIncome());
    }
}
