package cn.hardshiprelief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conventions every file in {@code processes/} and {@code forms/} keeps (see STYLE.md):
 * meaningful ids, a history time to live, a form and a person or group on every user task, an
 * implementation on every service task, and Camunda Forms that the BPMN can find by id.
 * Reads the project folders themselves, so a new diagram is checked without touching this test.
 */
class ProcessConventionsTest {

    private static final Path PROCESSES = Paths.get("processes");
    private static final Path FORMS = Paths.get("forms");

    /** The ids Camunda Modeler generates, such as Activity_0x1abcd or Flow_1k2j3h4. */
    private static final Pattern MODELER_DEFAULT_ID = Pattern.compile(
            "(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|UserTask|ServiceTask|Process|Definitions)_[0-9a-z]{6,}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> bpmnFiles;
    private static List<Path> formFiles;

    @BeforeAll
    static void readTheProjectFolders() throws IOException {
        bpmnFiles = filesEndingWith(PROCESSES, ".bpmn");
        formFiles = filesEndingWith(FORMS, ".form");
    }

    @Test
    void theProcessesFolderHoldsDiagrams() {
        assertThat(bpmnFiles).as("*.bpmn files under %s", PROCESSES.toAbsolutePath()).isNotEmpty();
    }

    @Test
    void noElementKeepsAModelerDefaultId() {
        List<String> defaultIds = new ArrayList<>();
        forEachModel((file, model) -> Stream.concat(
                        Stream.of(model.getDefinitions().getId()),
                        model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId))
                .filter(id -> id != null && MODELER_DEFAULT_ID.matcher(id).matches())
                .forEach(id -> defaultIds.add(file + ": " + id)));

        assertThat(defaultIds).as("elements with Modeler default ids").isEmpty();
    }

    @Test
    void everyProcessSetsAHistoryTimeToLive() {
        List<String> processes = new ArrayList<>();
        List<String> withoutTimeToLive = new ArrayList<>();
        forEachModel((file, model) -> model.getModelElementsByType(Process.class).forEach(process -> {
            processes.add(process.getId());
            String timeToLive = process.getCamundaHistoryTimeToLiveString();
            if (timeToLive == null || timeToLive.isBlank()) {
                withoutTimeToLive.add(file + ": " + process.getId());
            }
        }));

        assertThat(processes).as("processes found").isNotEmpty();
        assertThat(withoutTimeToLive).as("processes without camunda:historyTimeToLive").isEmpty();
    }

    @Test
    void everyUserTaskHasAFormAndSomeoneToDoIt() {
        List<String> userTasks = new ArrayList<>();
        List<String> withoutForm = new ArrayList<>();
        List<String> withoutPerformer = new ArrayList<>();
        forEachModel((file, model) -> model.getModelElementsByType(UserTask.class).forEach(task -> {
            String where = file + ": " + task.getId();
            userTasks.add(where);
            if (isBlank(task.getCamundaFormRef()) && isBlank(task.getCamundaFormKey())) {
                withoutForm.add(where);
            }
            if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaCandidateUsers())
                    && isBlank(task.getCamundaAssignee())) {
                withoutPerformer.add(where);
            }
        }));

        assertThat(userTasks).as("user tasks found").isNotEmpty();
        assertThat(withoutForm).as("user tasks without camunda:formRef or camunda:formKey").isEmpty();
        assertThat(withoutPerformer).as("user tasks without candidate group, candidate user or assignee").isEmpty();
    }

    @Test
    void everyServiceTaskNamesItsImplementation() {
        List<String> withoutImplementation = new ArrayList<>();
        forEachModel((file, model) -> model.getModelElementsByType(ServiceTask.class).forEach(task -> {
            if (isBlank(task.getCamundaDelegateExpression()) && isBlank(task.getCamundaClass())
                    && isBlank(task.getCamundaExpression()) && isBlank(task.getCamundaType())) {
                withoutImplementation.add(file + ": " + task.getId());
            }
        }));

        assertThat(withoutImplementation)
                .as("service tasks without delegateExpression, class, expression or type").isEmpty();
    }

    @Test
    void everyFormIsACamundaFormWhoseIdIsItsFileName() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : formFiles) {
            JsonNode form = JSON.readTree(file.toFile());
            String expectedId = baseName(file);
            if (!expectedId.equals(form.path("id").asText(null))) {
                problems.add(file + ": id is " + form.path("id") + ", expected \"" + expectedId + "\"");
            }
            if (!form.path("components").isArray() || form.path("components").isEmpty()) {
                problems.add(file + ": no components array");
            }
        }

        assertThat(problems).as("forms that are not Camunda Forms named after their file").isEmpty();
    }

    @Test
    void everyFormReferenceNamesAFormInTheFormsFolder() throws IOException {
        Set<String> formIds = new HashSet<>();
        for (Path file : formFiles) {
            formIds.add(JSON.readTree(file.toFile()).path("id").asText());
        }
        List<String> references = new ArrayList<>();
        List<String> dangling = new ArrayList<>();
        forEachModel((file, model) -> {
            Stream<? extends ModelElementInstance> withForms = Stream.concat(
                    model.getModelElementsByType(UserTask.class).stream(),
                    model.getModelElementsByType(StartEvent.class).stream());
            withForms.forEach(element -> {
                String formRef = formRefOf(element);
                if (formRef != null) {
                    String where = file + ": " + ((BaseElement) element).getId() + " -> " + formRef;
                    references.add(where);
                    if (!formIds.contains(formRef)) {
                        dangling.add(where);
                    }
                }
            });
        });

        assertThat(references).as("camunda:formRef references found").isNotEmpty();
        assertThat(dangling).as("camunda:formRef naming no form in %s (known: %s)", FORMS, formIds).isEmpty();
    }

    // --- helpers

    private interface ModelCheck {
        void check(Path file, BpmnModelInstance model);
    }

    private static void forEachModel(ModelCheck check) {
        assertThat(bpmnFiles).as("*.bpmn files under %s", PROCESSES.toAbsolutePath()).isNotEmpty();
        for (Path file : bpmnFiles) {
            check.check(file, Bpmn.readModelFromFile(file.toFile()));
        }
    }

    private static List<Path> filesEndingWith(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static String formRefOf(ModelElementInstance element) {
        if (element instanceof UserTask task) {
            return blankToNull(task.getCamundaFormRef());
        }
        if (element instanceof StartEvent event) {
            return blankToNull(event.getCamundaFormRef());
        }
        return null;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
