package cn.hardshiprelief.task;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.util.ArrayList;

/**
 * Puts {@link StepRules} into the engine itself, so that they hold for every caller: a command guard in front
 * of the engine's task and variable commands, and built-in listeners on every user task that the BPMN cannot
 * leave out (escalation when nobody may take a step; the step's due date; the task's arrival announced to its
 * people, {@link TaskArrivals}; the performer recorded as the task's assignee).
 * <p>
 * The guard looks only at top-level commands (the one a surface or a service asked for); commands the engine
 * runs inside them (a delegate setting a variable) are the server's own work.
 */
@Component
class StepGuardPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<StepRules> rules;
    private final ObjectProvider<TaskArrivals> arrivals;

    StepGuardPlugin(ObjectProvider<StepRules> rules, ObjectProvider<TaskArrivals> arrivals) {
        this.rules = rules;
        this.arrivals = arrivals;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new Guard());
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener("create", task -> rules.getObject().escalateIfNobodyMay(task));
                definition.addBuiltInTaskListener("create", task -> rules.getObject().setDueDate(task));
                // after the escalation, so that a step nobody could take is announced to the group it went to
                definition.addBuiltInTaskListener("create", task -> arrivals.getObject().arrived(task));
                definition.addBuiltInTaskListener("complete", task -> rules.getObject().recordPerformer(task));
            }
        });
    }

    /** Sends each top-level task or variable command past {@link StepRules} before the engine runs it. */
    private final class Guard extends CommandInterceptor {

        private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

        @Override
        public <T> T execute(Command<T> command) {
            int[] level = depth.get();
            boolean topLevel = level[0] == 0;
            level[0]++;
            try {
                if (topLevel) {
                    check(command);
                }
                return next.execute(command);
            } finally {
                level[0]--;
                if (level[0] == 0) {
                    depth.remove();
                }
            }
        }

        private void check(Command<?> command) {
            if (command instanceof ResolveTaskCmd) { // a CompleteTaskCmd that does not complete
                rules.getObject().checkHandBack(field(command, "taskId"), field(command, "variables"));
            } else if (command instanceof CompleteTaskCmd) {
                rules.getObject().checkCompletion(field(command, "taskId"), field(command, "variables"));
            } else if (command instanceof SubmitTaskFormCmd) {
                rules.getObject().checkCompletion(field(command, "taskId"), field(command, "properties"));
            } else if (command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd) {
                rules.getObject().checkAssignment(field(command, "taskId"), field(command, "userId"));
            } else if (command instanceof AssignTaskCmd || command instanceof SetTaskOwnerCmd) {
                rules.getObject().checkAssignment(field(command, "taskId"), field(command, "userId"));
            } else if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
                rules.getObject().checkIdentityLink(field(command, "taskId"), field(command, "userId"));
            } else if (command instanceof SaveTaskCmd) {
                TaskEntity task = field(command, "task");
                rules.getObject().checkSavedTask(task.getId(), task.getAssignee(), task.getOwner());
            } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
                    || command instanceof AbstractRemoveVariableCmd || command instanceof AbstractCorrelateMessageCmd
                    || command instanceof MessageEventReceivedCmd || command instanceof SignalCmd
                    || command instanceof SignalEventReceivedCmd) {
                rules.getObject().checkVariableWrite();
            }
        }

    }

    /** The engine's commands keep their arguments in protected fields; this reads one by name. */
    @SuppressWarnings("unchecked")
    private static <T> T field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (T) field.get(command);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                + ": check StepGuardPlugin against this Camunda version");
    }
}
