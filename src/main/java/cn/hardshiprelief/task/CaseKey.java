package cn.hardshiprelief.task;

/** Which case a process instance is: its process (BPMN id) and business key (the record's id). */
public record CaseKey(String processId, String businessKey) {
}
