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
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conventions every file in {@code processes/} and {@code forms/} keeps (see STYLE.md):
 * meaningful ids, a history time to live, a form and a person or group on every user task, an
 * implementation on every service task, Camunda Forms that the BPMN can find by id, and decision
 * tables named after their files that every business rule task can find by id.
 * Reads the project folders themselves, so a new diagram or table is checked without touching this test.
 */
class ProcessConventionsTest {

    private static final Path PROCESSES = Paths.get("processes");
    private static final Path FORMS = Paths.get("forms");

    /** The ids Camunda Modeler generates, such as Activity_0x1abcd or Flow_1k2j3h4. */
    private static final Pattern MODELER_DEFAULT_ID = Pattern.compile(
            "(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|UserTask|ServiceTask|BusinessRuleTask|Process"
                    + "|Definitions|Message|[A-Za-z]+EventDefinition)_[0-9a-z]{6,}");

    /**
     * The ids Camunda Modeler gives a new decision table and its columns, such as Decision_0x1abcd,
     * DecisionTable_1k2j3h4, or Input_1 and InputExpression_1 in a new table.
     */
    private static final Pattern MODELER_DEFAULT_DMN_ID = Pattern.compile(
            "(Definitions|Decision|DecisionTable|Input|InputClause|InputExpression|Output|OutputClause"
                    + "|LiteralExpression)_[0-9a-z]+");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> bpmnFiles;
    private static List<Path> dmnFiles;
    private static List<Path> formFiles;

    @BeforeAll
    static void readTheProjectFolders() throws IOException {
        bpmnFiles = filesEndingWith(PROCESSES, ".bpmn");
        dmnFiles = filesEndingWith(PROCESSES, ".dmn");
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

    // --- decision tables

    @Test
    void theProcessesFolderHoldsDecisionTables() {
        assertThat(dmnFiles).as("*.dmn files under %s", PROCESSES.toAbsolutePath()).isNotEmpty();
    }

    @Test
    void everyDecisionSetsAHistoryTimeToLive() {
        List<String> decisions = new ArrayList<>();
        List<String> withoutTimeToLive = new ArrayList<>();
        forEachDecisionModel((file, model) -> model.getModelElementsByType(Decision.class).forEach(decision -> {
            decisions.add(decision.getId());
            String timeToLive = decision.getCamundaHistoryTimeToLiveString();
            if (timeToLive == null || timeToLive.isBlank()) {
                withoutTimeToLive.add(file + ": " + decision.getId());
            }
        }));

        assertThat(decisions).as("decisions found").isNotEmpty();
        assertThat(withoutTimeToLive).as("decisions without camunda:historyTimeToLive").isEmpty();
    }

    /**
     * Code, processes and Cockpit name the definitions, decisions, tables and columns, so these
     * carry meaningful ids. Rows and cells may keep the ids the Modeler gives them: managers add
     * rows there (a new dibao line, say), and nothing refers to a row by its id.
     */
    @Test
    void noDecisionOrColumnKeepsAModelerDefaultId() {
        List<String> defaultIds = new ArrayList<>();
        forEachDecisionModel((file, model) -> Stream.of(Definitions.class, Decision.class, DecisionTable.class,
                        Input.class, InputExpression.class, Output.class)
                .flatMap(type -> model.getModelElementsByType(type).stream())
                .map(DmnElement::getId)
                .filter(id -> id == null || MODELER_DEFAULT_DMN_ID.matcher(id).matches())
                .forEach(id -> defaultIds.add(file + ": " + id)));

        assertThat(defaultIds).as("decision elements with Modeler default or missing ids").isEmpty();
    }

    @Test
    void everyDecisionFileIsNamedAfterItsDecisionAndEveryOutputHasAName() {
        List<String> problems = new ArrayList<>();
        forEachDecisionModel((file, model) -> {
            Set<String> decisionIds = model.getModelElementsByType(Decision.class).stream()
                    .map(Decision::getId).collect(Collectors.toSet());
            if (!decisionIds.contains(baseName(file))) {
                problems.add(file + ": holds " + decisionIds + ", none named " + baseName(file));
            }
            model.getModelElementsByType(Output.class).stream()
                    .filter(output -> isBlank(output.getName()))
                    .forEach(output -> problems.add(file + ": output " + output.getId() + " has no name"));
        });

        assertThat(problems).as("decision files not named after their decision, or outputs without names").isEmpty();
    }

    @Test
    void everyBusinessRuleTaskNamesADecisionInTheProcessesFolderAndWhereItsResultGoes() {
        Set<String> decisionIds = new HashSet<>();
        forEachDecisionModel((file, model) -> model.getModelElementsByType(Decision.class)
                .forEach(decision -> decisionIds.add(decision.getId())));
        List<String> references = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        forEachModel((file, model) -> model.getModelElementsByType(BusinessRuleTask.class).forEach(task -> {
            String where = file + ": " + task.getId() + " -> " + task.getCamundaDecisionRef();
            references.add(where);
            if (!decisionIds.contains(task.getCamundaDecisionRef())) {
                problems.add(where + " names no decision in " + PROCESSES + " (known: " + decisionIds + ")");
            }
            if (isBlank(task.getCamundaResultVariable()) || isBlank(task.getCamundaMapDecisionResult())) {
                problems.add(where + " lacks camunda:resultVariable or camunda:mapDecisionResult");
            }
        }));

        assertThat(references).as("business rule tasks found").isNotEmpty();
        assertThat(problems).as("business rule tasks").isEmpty();
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

    private interface DecisionModelCheck {
        void check(Path file, DmnModelInstance model);
    }

    private static void forEachDecisionModel(DecisionModelCheck check) {
        assertThat(dmnFiles).as("*.dmn files under %s", PROCESSES.toAbsolutePath()).isNotEmpty();
        for (Path file : dmnFiles) {
            check.check(file, Dmn.readModelFromFile(file.toFile()));
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
