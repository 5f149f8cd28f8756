package cn.hardshiprelief.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed a task, as its complete listener sees it: the assignee, or the user logged in to Tasklist. */
public final class TaskPerformer {

    private TaskPerformer() {
    }

    /**
     * A yes/no answer of a form: the app's pages send a Boolean, Camunda Forms in Tasklist send the radio's
     * value as the text "true" or "false".
     */
    public static boolean yes(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    public static String of(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }
}
