package cn.hardshiprelief.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.hardshiprelief.enrollment.ApplicationForm;
import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A re-check works from the facts on file, through the real services, the deployed {@code householdFollowUp},
 * {@code exitRule} and {@code classifyHardship}: a member's disability or lasting illness recorded in the file
 * proposes 解困 (standing support) without the box being ticked, and the costs and dependants the re-check
 * gathers (prefilled from the file) re-classify the household instead of zeros.
 */
@AppTest
class RecheckFactsStoryTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired Households households;
    @Autowired cn.hardshiprelief.household.Rechecks rechecking;
    @Autowired cn.hardshiprelief.household.ChangeReports changes;
    @Autowired Directory directory;
    @Autowired HouseholdFileRepository files;
    @Autowired FileEventRepository events;
    @Autowired RecheckRepository rechecks;
    @Autowired ProcessEngine engine;
    @Autowired TransactionTemplate transaction;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    /** The case: a grade-3 disability on file, the box left unticked, once went on as "DEEP → DEEP". */
    @Test
    void aFileRecordingAGradeThreeDisabilityProposesStandingSupportWithoutTheBox() {
        ApplicationForm form = Enrollments.completeForm(directory.displayName("worker1"));
        form.getMembers().get(0).setDisability(DisabilityGrade.GRADE_3);
        form.setDisabilityCertificateFiles(List.of(new org.springframework.mock.web.MockMultipartFile(
                "disabilityCertificateFiles", "残疾人证.pdf", "application/pdf", Enrollments.PDF)));
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN, form);
        changes.reportChange(directory.actor("worker1"), file.getId(), "厂里放假，收入减少");

        RecheckForm recheck = recheck(file, 6, "1000");
        assertThat(recheck.isPermanentCause()).as("the box is not ticked").isFalse();
        assertThat(recheck.getMembers()).extracting(MemberFactsEntry::getDisability)
                .containsExactly(DisabilityGrade.GRADE_3, DisabilityGrade.NONE);
        rechecking.recordRecheck(directory.actor("union1"), file.getId(), recheck);

        assertThat(followUpOf(file)).hasPassed("markStandingSupport", "reclassifyHousehold")
                .isWaitingAt("awaitNextRecheck").variables().containsEntry("severestDisability", "GRADE_3")
                .containsEntry("permanentCause", false).containsEntry("proposal", "STANDING_SUPPORT");
        assertThat(reload(file).getStatus()).isEqualTo(FileStatus.STANDING_SUPPORT);
        assertThat(events.findByFileIdOrderByOccurredAtDescIdDesc(file.getId()))
                .anySatisfy(e -> assertThat(e.getToStatus()).isEqualTo(FileStatus.STANDING_SUPPORT));
    }

    @Test
    void aLastingIllnessFoundAtTheRecheckIsKeptInTheFileAndProposesStandingSupport() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        changes.reportChange(directory.actor("worker1"), file.getId(), "孩子查出白血病，需要长期治疗");

        RecheckForm recheck = recheck(file, 6, "1800");
        recheck.getMembers().get(1).setHealth(HealthStatus.CRITICAL_ILLNESS);
        rechecking.recordRecheck(directory.actor("union1"), file.getId(), recheck);

        assertThat(followUpOf(file)).hasPassed("markStandingSupport").variables()
                .containsEntry("severestHealth", "CRITICAL_ILLNESS");
        assertThat(reload(file).getStatus()).isEqualTo(FileStatus.STANDING_SUPPORT);
        assertThat(memberHealth(file, "张小明")).isEqualTo(HealthStatus.CRITICAL_ILLNESS);
        assertThat(events.findByFileIdOrderByOccurredAtDescIdDesc(file.getId()))
                .anySatisfy(e -> {
                    assertThat(e.getKind()).isEqualTo(FileEvent.Kind.MEMBERS_UPDATED);
                    assertThat(e.getDetail()).isEqualTo("张小明");
                });
    }

    @Test
    void medicalCostsGatheredAtTheRecheckReclassifyTheHouseholdInsteadOfZeros() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        assertThat(file.getTier()).as("900 yuan a head, within twice the line, no costs").isEqualTo(Tier.GENERAL);
        changes.reportChange(directory.actor("worker1"), file.getId(), "爱人住院，自付医疗费很多");

        RecheckForm recheck = recheck(file, 6, "1800");
        assertThat(recheck.getMedicalCostsHalfYear()).as("prefilled from the file").isEqualByComparingTo("0");
        assertThat(recheck.getEarners()).as("prefilled from the file: the worker earns").isEqualTo(1);
        recheck.setMedicalCostsHalfYear(new BigDecimal("12000"));
        rechecking.recordRecheck(directory.actor("union1"), file.getId(), recheck);

        assertThat(followUpOf(file)).hasPassed("reclassifyHousehold").hasNotPassed("markStandingSupport");
        assertThat(reload(file).getTier()).as("plan 12 重困 2: medical costs above the half-year's income of 10,800")
                .isEqualTo(Tier.SEVERE);
        assertThat(events.findByFileIdOrderByOccurredAtDescIdDesc(file.getId())).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(FileEvent.Kind.RECLASSIFIED);
            assertThat(e.getFromTier()).isEqualTo(Tier.GENERAL);
            assertThat(e.getToTier()).isEqualTo(Tier.SEVERE);
        });
        assertThat(rechecks.findByFileIdOrderByRecordedAtDesc(file.getId())).singleElement()
                .satisfies(r -> assertThat(r.getMedicalCostsHalfYear()).isEqualByComparingTo("12000"));

        // the next re-check starts from what this one found, and lists no month already recorded
        changes.reportChange(directory.actor("worker1"), file.getId(), "爱人出院");
        RecheckForm next = rechecking.newRecheckForm(directory.actor("union1"), file.getId());
        assertThat(next.getMedicalCostsHalfYear()).isEqualByComparingTo("12000");
        assertThat(next.getIncomes()).isEmpty();
    }

    // --- helpers

    /** The re-check as its page prefills it, with {@code months} whole months of this household income. */
    private RecheckForm recheck(HouseholdFile file, int months, String householdIncome) {
        RecheckForm form = rechecking.newRecheckForm(directory.actor("union1"), file.getId());
        YearMonth now = YearMonth.now(CHINA);
        assertThat(form.getIncomes()).extracting(IncomeEntry::getMonth).as("the page lists the last six months")
                .containsExactly(now.minusMonths(6), now.minusMonths(5), now.minusMonths(4), now.minusMonths(3),
                        now.minusMonths(2), now.minusMonths(1));
        form.getIncomes().clear();
        for (int i = months; i >= 1; i--) {
            form.getIncomes().add(new IncomeEntry(now.minusMonths(i), new BigDecimal(householdIncome), 2));
        }
        form.setCausesRemaining(true);
        form.setVisitDate(LocalDate.now(CHINA).minusDays(1));
        form.setFindings("入户走访，核实收入、家庭成员和费用");
        return form;
    }

    private ProcessInstance followUpOf(HouseholdFile file) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("householdFollowUp")
                .processInstanceBusinessKey(String.valueOf(file.getId())).singleResult();
    }

    private HouseholdFile reload(HouseholdFile file) {
        return files.findById(file.getId()).orElseThrow();
    }

    private HealthStatus memberHealth(HouseholdFile file, String name) {
        return transaction.execute(status -> files.findById(file.getId()).orElseThrow().getMembers().stream()
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow().getHealth());
    }
}
