package cn.hardshiprelief.task;

/** The task was completed or claimed by someone else between reading and acting. */
public class TaskGoneException extends RuntimeException {
    public TaskGoneException(String taskId, Throwable cause) {
        super("Task " + taskId + " is no longer open", cause);
    }
}
