package cn.hardshiprelief.engine;

import cn.hardshiprelief.shared.BusinessException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Turns a refused domain rule into an engine exception with a readable message, so a decision
 * made in Camunda Tasklist or over /engine-rest is refused with the same words as on our pages.
 */
@Component
public class EngineMessages {

    private final MessageSource messages;

    EngineMessages(MessageSource messages) {
        this.messages = messages;
    }

    public ProcessEngineException refused(BusinessException e) {
        return new ProcessEngineException(messages.getMessage(e.getMessageKey(), e.getArgs(), e.getMessageKey(),
                Locale.SIMPLIFIED_CHINESE), e);
    }

    /** Who completes the task: its assignee, else the person the engine call runs as. */
    public static String actorOf(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new ProcessEngineException("请先认领任务再办理 (claim the task before completing it)");
        }
        return authentication.getUserId();
    }
}
