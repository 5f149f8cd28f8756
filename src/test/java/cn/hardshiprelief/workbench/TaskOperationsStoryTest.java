package cn.hardshiprelief.workbench;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.People;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

/**
 * The workbench's operations on a department head's review, through the pages: claim and release, transfer to the
 * other head of the department, delegate and hand back, urge by the applicant, carbon copy to a colleague who then
 * reads that case only. Each refused case leaves the task where it was; the engine's user operation log (Cockpit)
 * names who did what.
 */
@AppTest
class TaskOperationsStoryTest {

    private static final String HEAD_GROUP = "departmentHead_C01D01";

    @Autowired
    MockMvc mvc;
    @Autowired
    Enrollments enrollments;
    @Autowired
    People people;
    @Autowired
    Tasks tasks;
    @Autowired
    UserDetailsService users;
    @Autowired
    HistoryService history;

    @AfterEach
    void removePeople() {
        people.removeAll();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private OpenTask task(String taskId) {
        return tasks.find(taskId).orElseThrow();
    }

    @Test
    void aHeadClaimsTheReviewThenGivesItBackToTheGroup() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String taskId = enrollments.openTaskId(application.getId());

        mvc.perform(post("/tasks/" + taskId + "/claim").with(as("head1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "workbench.claimed"));
        assertThat(task(taskId).assignee()).isEqualTo("head1");

        String colleague = people.withRoles("head1b", "C01D01", HEAD_GROUP);
        mvc.perform(post("/tasks/" + taskId + "/release").with(as(colleague)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(task(taskId).assignee()).isEqualTo("head1");

        mvc.perform(post("/tasks/" + taskId + "/release").with(as("head1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(task(taskId).assignee()).isNull();
        mvc.perform(get("/tasks/" + taskId + "/operations").with(as("head1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("取消认领")))
                .andExpect(content().string(containsString(application.getApplicationNumber())));
        assertThat(loggedOperations(taskId, "head1")).contains(UserOperationLogEntry.OPERATION_TYPE_CLAIM);
    }

    @Test
    void aHeadTransfersTheReviewToTheOtherHeadWithAReason() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String taskId = enrollments.openTaskId(application.getId());
        String colleague = people.withRoles("head1b", "C01D01", HEAD_GROUP);

        mvc.perform(post("/tasks/" + taskId + "/transfer").with(as("head1")).with(csrf())
                        .param("target", colleague).param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写理由")));
        mvc.perform(post("/tasks/" + taskId + "/transfer").with(as("head1")).with(csrf())
                        .param("target", "head2").param("reason", "出差"))
                .andExpect(status().isForbidden()); // head2 heads another department: not a candidate of the step
        assertThat(task(taskId).assignee()).isNull();

        mvc.perform(post("/tasks/" + taskId + "/transfer").with(as("head1")).with(csrf())
                        .param("target", colleague).param("reason", "本人出差一周"))
                .andExpect(status().is3xxRedirection());

        assertThat(task(taskId).assignee()).isEqualTo(colleague);
        assertThat(enrollmentOperations(application)).extracting(TaskOperation::getKind, TaskOperation::getTargetUsername,
                        TaskOperation::getReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OperationKind.TRANSFER, colleague, "本人出差一周"));
        // the first head no longer decides it; the one it was transferred to does
        mvc.perform(post("/tasks/" + taskId).with(as("head1")).with(csrf()).param("decision", "approve"))
                .andExpect(status().isConflict());
        enrollments.decide(colleague, application.getId(), "approve", null);
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
    }

    @Test
    void aDelegatedReviewComesBackToItsOwnerWhoDecidesIt() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String taskId = enrollments.openTaskId(application.getId());
        String colleague = people.withRoles("head1b", "C01D01", HEAD_GROUP);

        mvc.perform(post("/tasks/" + taskId + "/delegate").with(as("head1")).with(csrf())
                        .param("target", colleague).param("reason", "请核实该户收入"))
                .andExpect(status().is3xxRedirection());
        OpenTask delegated = task(taskId);
        assertThat(delegated.owner()).isEqualTo("head1");
        assertThat(delegated.assignee()).isEqualTo(colleague);
        assertThat(delegated.delegated()).isTrue();

        // the delegate gives an opinion; deciding is the owner's
        mvc.perform(post("/tasks/" + taskId).with(as(colleague)).with(csrf()).param("decision", "approve"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("委派办结")));
        mvc.perform(post("/tasks/" + taskId).with(as("head1")).with(csrf()).param("decision", "approve"))
                .andExpect(status().isConflict());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDepartmentHead");

        mvc.perform(post("/tasks/" + taskId + "/hand-back").with(as(colleague)).with(csrf())
                        .param("opinion", "收入属实，同意"))
                .andExpect(status().is3xxRedirection());
        OpenTask back = task(taskId);
        assertThat(back.assignee()).isEqualTo("head1");
        assertThat(back.delegated()).isFalse();

        enrollments.decide("head1", application.getId(), "approve", "采纳意见");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
        assertThat(enrollmentOperations(application)).extracting(TaskOperation::getKind)
                .containsExactly(OperationKind.DELEGATE, OperationKind.HAND_BACK);
        assertThat(loggedOperations(taskId, "head1")).contains(UserOperationLogEntry.OPERATION_TYPE_DELEGATE);
        assertThat(loggedOperations(taskId, colleague)).contains(UserOperationLogEntry.OPERATION_TYPE_RESOLVE);
    }

    @Test
    void hrSendsTheApplicationTwoStepsBackToTheDepartmentHeadFromTheOperationsPage() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        enrollments.decide("head1", application.getId(), "approve", null);
        enrollments.decide("director1", application.getId(), "approve", null);
        String hrTask = enrollments.openTaskId(application.getId());

        mvc.perform(get("/tasks/" + hrTask + "/operations").with(as("hr1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"reviewByDepartmentHead\"")))
                .andExpect(content().string(containsString("value=\"reviewByDirector\"")));
        mvc.perform(post("/tasks/" + hrTask + "/return").with(as("hr1")).with(csrf())
                        .param("step", "reviewByDepartmentHead").param("reason", ""))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/tasks/" + hrTask + "/return").with(as("hr1")).with(csrf())
                        .param("step", "approveByGeneralOffice").param("reason", "试试"))
                .andExpect(status().isConflict());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByHr");

        mvc.perform(post("/tasks/" + hrTask + "/return").with(as("hr1")).with(csrf())
                        .param("step", "reviewByDepartmentHead").param("reason", "收入证明与部门核实不符"))
                .andExpect(status().is3xxRedirection());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDepartmentHead");
        assertThat(enrollments.reload(application.getId()).getEvents())
                .anySatisfy(e -> assertThat(e.getComment()).isEqualTo("收入证明与部门核实不符"));
    }

    @Test
    void theHeadDecidesOnlyAfterTheCoSignerHasSignedAndMayWithdrawACoSignerNotYetSigned() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String taskId = enrollments.openTaskId(application.getId());
        String finance = people.withRoles("cosigner1", "C01D02", "worker_C01D02");
        String outsider = people.withRoles("w-elsewhere", "CU01B01W1", "worker_CU01B01W1");

        mvc.perform(post("/tasks/" + taskId + "/co-signers").with(as("head1")).with(csrf()).param("coSigner", outsider))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + taskId + "/co-signers").with(as("head1")).with(csrf())
                        .param("coSigner", finance).param("note", "请财务部核对工资收入"))
                .andExpect(status().is3xxRedirection());
        OpenTask coSigning = tasks.coSignersOf(taskId).get(0);
        assertThat(coSigning.assignee()).isEqualTo(finance);
        assertThat(task(taskId).assignee()).isEqualTo("head1");

        mvc.perform(post("/tasks/" + taskId).with(as("head1")).with(csrf()).param("decision", "approve"))
                .andExpect(status().isBadRequest());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDepartmentHead");
        mvc.perform(get("/tasks").with(as(finance))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/tasks/" + coSigning.id() + "/operations")));

        mvc.perform(post("/tasks/" + coSigning.id() + "/co-sign").with(as("head2")).with(csrf())
                .param("opinion", "代签")).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + coSigning.id() + "/co-sign").with(as(finance)).with(csrf())
                .param("opinion", "工资收入核对无误")).andExpect(status().is3xxRedirection());
        assertThat(tasks.coSignersOf(taskId)).isEmpty();
        mvc.perform(get("/tasks/done").with(as(finance))).andExpect(status().isOk())
                .andExpect(content().string(containsString(application.getApplicationNumber())))
                .andExpect(content().string(containsString("会签")));
        assertThat(taskService.getTaskComments(taskId)).extracting(org.camunda.bpm.engine.task.Comment::getFullMessage)
                .contains("工资收入核对无误");

        // a second co-signer, withdrawn before signing (减签): the head decides
        mvc.perform(post("/tasks/" + taskId + "/co-signers").with(as("head1")).with(csrf()).param("coSigner", "worker2"))
                .andExpect(status().is3xxRedirection());
        String second = tasks.coSignersOf(taskId).get(0).id();
        mvc.perform(post("/tasks/" + second + "/co-signers/remove").with(as(finance)).with(csrf()).param("step", taskId))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + second + "/co-signers/remove").with(as("head1")).with(csrf()).param("step", taskId))
                .andExpect(status().is3xxRedirection());
        assertThat(tasks.coSignersOf(taskId)).isEmpty();
        enrollments.decide("head1", application.getId(), "approve", "参考财务意见");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
        assertThat(enrollmentOperations(application)).extracting(TaskOperation::getKind).containsSubsequence(
                OperationKind.CO_SIGNER_ADDED, OperationKind.CO_SIGNED, OperationKind.CO_SIGNER_ADDED,
                OperationKind.CO_SIGNER_REMOVED);
    }

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Test
    void theApplicantUrgesOnceADayAndNobodyElseMay() throws Exception {
        String worker = people.newWorkerOf("C01D01");
        EnrollmentApplication application = enrollments.submittedBy(worker);
        String urge = "/cases/hardshipEnrollment/" + application.getId() + "/urge";

        mvc.perform(post(urge).with(as("worker2")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(urge).with(as(worker)).with(csrf()).param("back", "/applications/" + application.getId()))
                .andExpect(redirectedUrl("/applications/" + application.getId()))
                .andExpect(flash().attribute("success", "workbench.urged"));
        mvc.perform(post(urge).with(as(worker)).with(csrf()).param("back", "//elsewhere.example"))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("warning", "workbench.urgedToday"));

        assertThat(enrollmentOperations(application)).extracting(TaskOperation::getKind, TaskOperation::getStepId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OperationKind.URGE, "reviewByDepartmentHead"));
    }

    @Test
    void aCopiedColleagueReadsThatCaseOnly() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        EnrollmentApplication other = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String taskId = enrollments.openTaskId(application.getId());
        String page = "/applications/" + application.getId();
        mvc.perform(get(page).with(as("worker2"))).andExpect(status().isForbidden());

        mvc.perform(post("/tasks/" + taskId + "/carbon-copy").with(as("head1")).with(csrf())
                        .param("recipients", "worker2, nobody-here").param("note", "请知悉"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("nobody-here")));
        mvc.perform(post("/tasks/" + taskId + "/carbon-copy").with(as("head1")).with(csrf())
                        .param("recipients", "worker2").param("note", "请知悉"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successArg", 1));

        mvc.perform(get(page).with(as("worker2"))).andExpect(status().isOk());
        mvc.perform(get("/applications/" + other.getId()).with(as("worker2"))).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + taskId).with(as("worker2")).with(csrf()).param("decision", "approve"))
                .andExpect(status().isForbidden());

        String list = mvc.perform(get("/copies").with(as("worker2"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(application.getApplicationNumber())))
                .andExpect(content().string(containsString("class=\"badge\">未读")))
                .andReturn().getResponse().getContentAsString();
        String copyLink = list.replaceAll("(?s).*href=\"(/copies/\\d+)\".*", "$1");
        mvc.perform(get(copyLink).with(as("head1"))).andExpect(status().isForbidden());
        mvc.perform(get(copyLink).with(as("worker2"))).andExpect(redirectedUrl(page));
        mvc.perform(get("/copies").with(as("worker2"))).andExpect(content().string(
                org.hamcrest.Matchers.not(containsString("class=\"badge\">未读"))));
        mvc.perform(get("/copies/99999999").with(as("worker2"))).andExpect(status().isNotFound());
    }

    @Test
    void copiesStayInsideTheOrganisation() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String taskId = enrollments.openTaskId(application.getId());
        String outsider = people.withRoles("w-elsewhere", "CU01B01W1", "worker_CU01B01W1");

        mvc.perform(post("/tasks/" + taskId + "/carbon-copy").with(as("head1")).with(csrf())
                        .param("recipients", outsider))
                .andExpect(status().isForbidden());
        mvc.perform(get("/applications/" + application.getId()).with(as(outsider))).andExpect(status().isForbidden());
    }

    @Test
    void operationsOfATaskThatIsNotYoursOrNotThereAreRefused() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String taskId = enrollments.openTaskId(application.getId());

        mvc.perform(get("/tasks/" + taskId + "/operations").with(as("head2"))).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + taskId + "/claim").with(as("head2")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/tasks/no-such-task/operations").with(as("head1"))).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + taskId + "/claim").with(as("head1"))).andExpect(status().isForbidden()); // no CSRF token

        enrollments.decide("head1", application.getId(), "approve", null);
        mvc.perform(post("/tasks/" + taskId + "/claim").with(as("head1")).with(csrf())).andExpect(status().isConflict());
    }

    private java.util.List<TaskOperation> enrollmentOperations(EnrollmentApplication application) {
        return operations.history(enrollments.reload(application.getId()).getProcessInstanceId());
    }

    @Autowired
    TaskOperations operations;

    private java.util.List<String> loggedOperations(String taskId, String userId) {
        return history.createUserOperationLogQuery().taskId(taskId).userId(userId).list().stream()
                .map(UserOperationLogEntry::getOperationType).toList();
    }
}
