package cn.hardshiprelief.diagram;

/** Where a case stands at one element of its diagram. */
public enum StepState {
    /** The case waits here now (an open task, a timer or message being waited for, a job to run). */
    CURRENT,
    /** The case has been through it. */
    PASSED,
    /** Not reached (yet, or on a branch the case did not take). */
    NOT_REACHED
}
