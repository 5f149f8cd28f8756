package cn.hardshiprelief.diagram;

/** How an element is drawn: BPMN's shapes, without the distinctions a reader of the map does not need. */
public enum ShapeKind {
    USER_TASK, SERVICE_TASK, RULE_TASK, TASK,
    START_EVENT, INTERMEDIATE_EVENT, BOUNDARY_EVENT, END_EVENT,
    EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, INCLUSIVE_GATEWAY, EVENT_GATEWAY,
    SUBPROCESS, EVENT_SUBPROCESS;

    public boolean isTask() {
        return this == USER_TASK || this == SERVICE_TASK || this == RULE_TASK || this == TASK;
    }

    public boolean isEvent() {
        return this == START_EVENT || this == INTERMEDIATE_EVENT || this == BOUNDARY_EVENT || this == END_EVENT;
    }

    public boolean isGateway() {
        return this == EXCLUSIVE_GATEWAY || this == PARALLEL_GATEWAY || this == INCLUSIVE_GATEWAY
                || this == EVENT_GATEWAY;
    }

    public boolean isContainer() {
        return this == SUBPROCESS || this == EVENT_SUBPROCESS;
    }
}
