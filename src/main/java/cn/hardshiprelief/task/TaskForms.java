package cn.hardshiprelief.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Camunda Form of a task as the engine deployed it: the same definition Tasklist renders, so the
 * application's pages, its server-side checks and Tasklist follow one source. A field a manager adds in
 * the Modeler and deploys appears in our page and is checked there.
 *
 * <p>With {@code camunda:formRefBinding="deployment"} (every step of ours) the form is the one deployed
 * with the task's process version; forms of a deployment never change, so they are read once per
 * deployment. Other bindings ({@code latest}, {@code version}) are resolved by the engine per task.
 */
@Component
public class TaskForms {

    private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "radio", "select",
            "checkbox", "datetime");
    private static final String DEPLOYMENT_BINDING = "deployment";

    private final ObjectMapper mapper;
    private final RepositoryService repositoryService;
    private final FormService formService;
    private final IdentityService identityService;
    private final Map<String, Map<String, TaskForm>> byDeployment = new ConcurrentHashMap<>();
    private final Map<String, String> deploymentOfDefinition = new ConcurrentHashMap<>();

    public TaskForms(ObjectMapper mapper, RepositoryService repositoryService, FormService formService,
                     IdentityService identityService) {
        this.mapper = mapper;
        this.repositoryService = repositoryService;
        this.formService = formService;
        this.identityService = identityService;
    }

    /** The form of an open task, if it has one. */
    public Optional<TaskForm> of(OpenTask task) {
        return of(task.id(), task.processDefinitionId(), task.formId(), task.formBinding());
    }

    /** The form a step refers to: its {@code formRef} key and binding, in the task's process version. */
    public Optional<TaskForm> of(String taskId, String processDefinitionId, String formKey, String binding) {
        if (formKey == null) {
            return Optional.empty();
        }
        if ((binding == null || DEPLOYMENT_BINDING.equals(binding)) && processDefinitionId != null) {
            return Optional.ofNullable(formsOfDeployment(deploymentOf(processDefinitionId)).get(formKey));
        }
        return Optional.ofNullable(taskId).map(id -> asSystem(() -> {
            try (InputStream in = formService.getDeployedTaskForm(id)) {
                return parse(mapper.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Camunda Form of task " + id, e);
            }
        }));
    }

    /** Like {@link #of(OpenTask)}, for a task that must have a form. */
    public TaskForm require(OpenTask task) {
        return of(task).orElseThrow(() -> new IllegalStateException(
                "Task " + task.id() + " (" + task.stepId() + ") has no deployed Camunda Form " + task.formId()));
    }

    private String deploymentOf(String processDefinitionId) {
        return deploymentOfDefinition.computeIfAbsent(processDefinitionId,
                id -> asSystem(() -> repositoryService.getProcessDefinition(id).getDeploymentId()));
    }

    private Map<String, TaskForm> formsOfDeployment(String deploymentId) {
        return byDeployment.computeIfAbsent(deploymentId, id -> asSystem(() -> {
            Map<String, TaskForm> forms = new HashMap<>();
            for (String resource : repositoryService.getDeploymentResourceNames(id)) {
                if (!resource.endsWith(".form")) {
                    continue;
                }
                try (InputStream in = repositoryService.getResourceAsStream(id, resource)) {
                    TaskForm form = parse(mapper.readTree(in));
                    forms.put(form.id(), form);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + resource + " of deployment " + id, e);
                }
            }
            return Map.copyOf(forms);
        }));
    }

    /** Reads the definitions whoever is logged in: being allowed the task is checked where it is acted on. */
    private <T> T asSystem(Supplier<T> work) {
        return AsSystem.run(identityService, work);
    }

    static TaskForm parse(JsonNode root) {
        List<FormField> fields = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        collect(root.path("components"), fields, texts);
        return new TaskForm(root.path("id").asText(), List.copyOf(fields), List.copyOf(texts));
    }

    private static void collect(JsonNode components, List<FormField> fields, List<String> texts) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("text".equals(type)) {
                texts.add(c.path("text").asText());
            } else if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
                JsonNode validate = c.path("validate");
                List<FormField.Option> options = new ArrayList<>();
                for (JsonNode v : c.path("values")) {
                    options.add(new FormField.Option(v.path("value").asText(), v.path("label").asText()));
                }
                fields.add(new FormField(c.path("key").asText(), type, c.path("label").asText(),
                        c.path("description").asText(null), validate.path("required").asBoolean(false),
                        validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                        List.copyOf(options)));
            }
            if (c.has("components")) {
                collect(c.path("components"), fields, texts);
            }
        }
    }
}
