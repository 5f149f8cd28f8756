package cn.hardshiprelief.workbench;

/** A task with the case it belongs to: the process (BPMN id), its instance and business key (the record's id). */
record CaseTask(String processId, String processInstanceId, String businessKey, String taskId, String stepId) {
}
