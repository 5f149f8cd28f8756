package cn.hardshiprelief.security;

import java.util.Map;
import cn.hardshiprelief.enrollment.ApplicationForm;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.EnrollmentService;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.IncomeEntry;
import cn.hardshiprelief.household.RecheckForm;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.support.People;
import cn.hardshiprelief.task.StepRefusedException;
import cn.hardshiprelief.verification.CheckResult;
import cn.hardshiprelief.verification.VerificationForm;
import cn.hardshiprelief.verification.VerificationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 不相容职责 per process, through the real services: who filed or verified a case, or took one of its steps in
 * another role, does not decide it; a unit with nobody else sends the step up a level, visibly. People who
 * hold two roles (a branch caseworker seconded to the county union) are made here for the test.
 */
@AppTest
class SeparationOfDutiesStoryTest {

    @Autowired Enrollments enrollments;
    @Autowired cn.hardshiprelief.enrollment.ReviewMoves reviewMoves;
    @Autowired EnrollmentService enrollment;
    @Autowired VerificationService verifications;
    @Autowired Households households;
    @Autowired cn.hardshiprelief.household.Rechecks rechecks;
    @Autowired cn.hardshiprelief.household.FollowUpTasks followUpTasks;
    @Autowired cn.hardshiprelief.household.ChangeReports changes;
    @Autowired Directory directory;
    @Autowired ProcessEngine engine;
    @Autowired People people;

    @org.junit.jupiter.api.AfterEach
    void removeTwoRolePeople() {
        people.removeAll();
    }

    @Test
    void anApplicationTheBranchUnionFiledForAWorkerIsReviewedOneLevelUpAndTheTaskSaysWhy() {
        ApplicationForm form = Enrollments.completeForm(directory.displayName("worker4"));
        form.setApplicantUsername("worker4");
        EnrollmentApplication application = enrollment.submit(directory.actor("branch2"), null, form);

        Task review = openTask(application.getProcessInstanceId());
        assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewByBranchUnion");
        assertThat(candidateGroups(review)).contains("branchUnion_CU01B02", "countyUnion_CU01");
        assertThat(review.getDescription()).contains("不相容职责");
        assertThatThrownBy(() -> enrollments.decide("branch2", application.getId(), "approve", "同意"))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((ForbiddenException) e).getMessageKey()).isEqualTo("step.separationOfDuties"));

        enrollments.decide("county1", application.getId(), "approve", "代为审核：情况属实");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("verifyHousehold");
    }

    @Test
    void whoeverVerifiedAHouseholdForTheBranchUnionDoesNotApproveItForTheCountyUnion() {
        String dual = people.withRoles("dualB01", "CU01B01", "branchUnion_CU01B01", "countyUnion_CU01");
        EnrollmentApplication application = enrollments.submittedBy("worker3");
        enrollments.decide(dual, application.getId(), "approve", "情况属实");
        verifications.complete(directory.actor(dual), application.getId(), visit(dual), Map.of("verificationComplete", "true"));
        assertThat(enrollments.openStep(application.getId())).isEqualTo("approveByCountyUnion");

        String approval = enrollments.openTaskId(application.getId());
        assertThatThrownBy(() -> engine.getTaskService().claim(approval, dual))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("另一角色");
        enrollments.decide("county1", application.getId(), "approve", "同意");
        assertThat(enrollments.reload(application.getId()).getStatus().name()).isNotEqualTo("IN_REVIEW");
    }

    @Test
    void whoeverVerifiedAHouseholdCannotSendItBackFromTheCountyUnionsStepEither() {
        String dual = people.withRoles("dualB01", "CU01B01", "branchUnion_CU01B01", "countyUnion_CU01");
        EnrollmentApplication application = enrollments.submittedBy("worker3");
        enrollments.decide(dual, application.getId(), "approve", "情况属实");
        verifications.complete(directory.actor(dual), application.getId(), visit(dual), Map.of("verificationComplete", "true"));
        String approval = enrollments.openTaskId(application.getId());

        assertThatThrownBy(() -> reviewMoves.sendBack(directory.actor(dual), approval, "verifyHousehold", "再核实一次"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(enrollments.openStep(application.getId())).isEqualTo("approveByCountyUnion");

        reviewMoves.sendBack(directory.actor("county1"), approval, "verifyHousehold", "住房情况需再核实");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("verifyHousehold");
    }

    @Test
    void whoeverRecordedTheReCheckDoesNotConfirmTheExit() {
        String dual = people.withRoles("dualC01U", "C01U", "branchUnion_C01U", "countyUnion_CU01");
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        changes.reportChange(directory.actor("worker1"), file.getId(), "爱人找到工作");
        rechecks.recordRecheck(directory.actor(dual), file.getId(), sixGoodMonths(dual, file));

        Task confirmExit = engine.getTaskService().createTaskQuery().processDefinitionKey("householdFollowUp")
                .processInstanceBusinessKey(String.valueOf(file.getId())).taskDefinitionKey("confirmExit").singleResult();
        assertThat(confirmExit).isNotNull();
        assertThatThrownBy(() -> engine.getTaskService().claim(confirmExit.getId(), dual))
                .isInstanceOf(StepRefusedException.class);
        followUpTasks.decideExit(directory.actor("county1"), file.getId(), confirmExit.getId(), "confirm", "连续六个月收入达标");
    }

    private static VerificationForm visit(String who) {
        VerificationForm visit = new VerificationForm();
        visit.setIncomeResult(CheckResult.CONFIRMED);
        visit.setPropertyResult(CheckResult.CONFIRMED);
        visit.setFamilyResult(CheckResult.CONFIRMED);
        visit.setVisitDate(LocalDate.now().minusDays(1));
        visit.setVisitors(who);
        visit.setVisitFindings("租住平房，收入情况属实。");
        return visit;
    }

    /** The re-check as its page prefills it (members, costs), with six good months. */
    private RecheckForm sixGoodMonths(String caseworker, HouseholdFile file) {
        RecheckForm form = rechecks.newRecheckForm(directory.actor(caseworker), file.getId());
        form.getIncomes().clear();
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        for (int i = 6; i >= 1; i--) {
            form.getIncomes().add(new IncomeEntry(now.minusMonths(i), new BigDecimal("5000"), 2));
        }
        form.setCausesRemaining(false);
        form.setVisitDate(LocalDate.now().minusDays(1));
        form.setFindings("入户走访，夫妻均已稳定就业");
        return form;
    }

    private Task openTask(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    }
}
