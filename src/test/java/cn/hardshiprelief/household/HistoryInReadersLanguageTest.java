package cn.hardshiprelief.household;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.EarlierStories;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the system writes into a history is stored as a code with its arguments and read in the reader's language:
 * the classification's reason (the classifyHardship rule that decided), a file's reminders and re-classification.
 */
@AppTest
class HistoryInReadersLanguageTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Households households;
    @Autowired Enrollments enrollments;
    @Autowired FollowUpService followUp;
    @Autowired EarlierStories earlierStories;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void workerFreeToApply() {
        earlierStories.closeHouseholdsOf("worker1");
    }

    @Test
    void theClassificationReasonReadsInEnglishUnderLangEnAndInTheTablesOwnWordsInChinese() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        EnrollmentApplication application = enrollments.reload(file.getApplicationId());
        assertThat(application.getClassificationReasonCode()).startsWith("classification.rule.");
        String chineseReason = application.getClassificationReason();

        String english = page("/applications/" + application.getId() + "?lang=en", "worker1");
        String chinese = page("/applications/" + application.getId() + "?lang=zh", "worker1");

        assertThat(english).doesNotContain(chineseReason).contains("dibao line")
                .as("the matching's finding and the system as the actor").contains("No household member is on the civil-affairs roster")
                .doesNotContain("家庭成员均不在民政救助名单中").doesNotContain(">系统<");
        assertThat(chinese).contains(chineseReason).contains("家庭成员均不在民政救助名单中").contains(">系统<");
    }

    @Test
    void membersFoundOnTheCivilAffairsRosterAreSaidInEnglishAndNamedInChinese() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        for (String reviewer : List.of("head1", "director1", "hr1")) {
            enrollments.decide(reviewer, application.getId(), "approve", "同意");
        }
        String child = enrollments.reload(application.getId()).getMembers().get(1).getIdNumberHash();
        jdbc.update("insert into civil_affairs_roster (id_number_hash, id_number_encrypted, id_number_masked, name,"
                + " region_code, status, monthly_amount, valid_from, line_number, import_id)"
                + " values (?, 'test', '110***********0000', '张小明', '110101', 'DIBAO', 650.00, ?, 1, 0)",
                child, java.sql.Date.valueOf(java.time.LocalDate.now().minusYears(1)));
        try {
            enrollments.decide("office1", application.getId(), "approve", "同意");

            String english = page("/applications/" + application.getId() + "?lang=en", "head1");
            String chinese = page("/applications/" + application.getId() + "?lang=zh", "head1");
            assertThat(english).contains("Household members are on the civil-affairs roster").doesNotContain("每月 650");
            assertThat(chinese).as("Chinese keeps the findings with the members' names").contains("张小明：低保");
        } finally {
            jdbc.update("delete from civil_affairs_roster where id_number_hash = ? and id_number_encrypted = 'test'", child);
        }
    }

    @Test
    void aFilesRemindersAndReClassificationReadInTheReadersLanguage() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        followUp.remind(file.getId());
        followUp.escalate(file.getId());
        followUp.reclassify(file.getId(), Tier.SEVERE, "家庭人均月收入低于当地低保标准", "classification.rule.severeBelowLine");

        String english = page("/households/" + file.getId() + "?lang=en", "union1");
        assertThat(english).contains("The re-check is 14 days overdue", "escalated to the county union",
                        "Per-capita income below the local dibao line")
                .doesNotContain("复核已超过", "家庭人均月收入低于当地低保标准");

        String chinese = page("/households/" + file.getId() + "?lang=zh", "union1");
        assertThat(chinese).contains("复核已超过 14 天未完成，已提醒基层工会负责人", "已上报县总工会督办",
                "家庭人均月收入低于当地低保标准");
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
