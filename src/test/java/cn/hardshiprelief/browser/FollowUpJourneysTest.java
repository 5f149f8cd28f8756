package cn.hardshiprelief.browser;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.RecheckRepository;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseworker's change report on the household's page and the re-check it brings, on a phone, and an approval given
 * with the keyboard alone (Tab, Space, Enter), as someone who cannot use a mouse would.
 */
class FollowUpJourneysTest extends JourneyTest {

    @Autowired Households households;
    @Autowired Enrollments enrollments;
    @Autowired RecheckRepository rechecks;
    @Autowired ProcessEngine engine;

    @Test
    void aChangeReportBringsAReCheckThatTheCaseworkerRecordsOnAPhone() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);

        Browser caseworker = as(Browser.PHONE, "union1");
        caseworker.open("/households/" + file.getId()).type("reason", "爱人找到工作，收入增加").press("报告情况变化");
        caseworker.open("/households/" + file.getId() + "/recheck");
        // the page lists the last six months with the household's size: each needs its income
        for (int row = 0; row < 6; row++) {
            caseworker.type("incomes[" + row + "].householdIncome", row < 3 ? "1800" : "3200");
        }
        caseworker.choose("members[1].schooling", "SENIOR_MIDDLE")
                .type("medicalCostsHalfYear", "600")
                .date("visitDate", LocalDate.now().minusDays(1).toString())
                .type("findings", "入户走访：爱人已在超市就业，孩子已升入高中。")
                .check("recheckRecorded", "true")
                .press("完成复核");

        assertThat(rechecks.findByFileIdOrderByRecordedAtDesc(file.getId())).singleElement()
                .satisfies(r -> assertThat(r.getMedicalCostsHalfYear()).isEqualByComparingTo("600"));
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("householdFollowUp")
                .processInstanceBusinessKey(String.valueOf(file.getId())).taskDefinitionKey("recheckHousehold").count())
                .as("the re-check is done").isZero();
    }

    @Test
    void aDepartmentHeadApprovesWithTheKeyboardAlone() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String task = enrollments.openTaskId(application.getId());

        Browser head = as(Browser.DESKTOP, "head1");
        head.open("/tasks/" + task)
                .tabTo("decision", "approve").keys(Keys.SPACE)
                .tabTo("comment", null).keys("情况属实，同意")
                .keys(Keys.TAB).keys(Keys.ENTER).settled();

        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
    }

}
