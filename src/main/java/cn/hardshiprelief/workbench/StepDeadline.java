package cn.hardshiprelief.workbench;

import jakarta.persistence.*;

import java.io.Serializable;

/**
 * How long a step may take (办理时限), in working days from the task's arrival, and how many more working days overdue
 * before the next level up is offered it too (null: reminders only).
 */
@Entity
@Table(name = "step_deadline")
@IdClass(StepDeadline.Key.class)
public class StepDeadline {

    /** Longest deadline a manager may set: a season. */
    public static final int MAX_DAYS = 60;

    @Id
    @Column(name = "process_id")
    private String processId;

    @Id
    @Column(name = "step_id")
    private String stepId;

    @Column(name = "working_days", nullable = false)
    private int workingDays;

    @Column(name = "escalate_after_days")
    private Integer escalateAfterDays;

    protected StepDeadline() {
    }

    /** A manager's change; the numbers are checked by {@link StepDeadlines}. */
    void change(int workingDays, Integer escalateAfterDays) {
        this.workingDays = workingDays;
        this.escalateAfterDays = escalateAfterDays;
    }

    public String getProcessId() { return processId; }
    public String getStepId() { return stepId; }
    public int getWorkingDays() { return workingDays; }
    public Integer getEscalateAfterDays() { return escalateAfterDays; }

    /** The composite key (process, step). */
    public static class Key implements Serializable {
        private String processId;
        private String stepId;

        protected Key() {
        }

        public Key(String processId, String stepId) {
            this.processId = processId;
            this.stepId = stepId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(processId, key.processId)
                    && java.util.Objects.equals(stepId, key.stepId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(processId, stepId);
        }
    }
}
