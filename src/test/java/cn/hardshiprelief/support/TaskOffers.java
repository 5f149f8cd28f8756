package cn.hardshiprelief.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * What a user task offers, as the process tests check it on the engine that {@code BpmnAwareTests.init} set:
 * to which candidate groups, with which deployed Camunda Form. And a listener that records completions.
 */
public final class TaskOffers {

    private TaskOffers() {
    }

    public static List<String> candidateGroupsOf(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    /** Resolves the task's camunda:formRef to the form deployed with it and returns that form's JSON id. */
    public static String deployedFormIdOf(Task task) throws IOException {
        CamundaFormRef formRef = formService().getTaskFormData(task.getId()).getCamundaFormRef();
        Assertions.assertThat(formRef.getBinding()).isEqualTo("deployment");
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            JsonNode json = new ObjectMapper().readTree(form);
            Assertions.assertThat(json.path("id").asText()).isEqualTo(formRef.getKey());
            return json.path("id").asText();
        }
    }

    /** Records "taskDefinitionKey:value" of one variable for every task completion it hears. */
    public static final class RecordingTaskListener implements TaskListener {
        public final List<String> completions = new ArrayList<>();
        private final String variable;

        public RecordingTaskListener(String variable) {
            this.variable = variable;
        }

        @Override
        public void notify(DelegateTask task) {
            completions.add(task.getTaskDefinitionKey() + ":" + task.getVariable(variable));
        }
    }
}
