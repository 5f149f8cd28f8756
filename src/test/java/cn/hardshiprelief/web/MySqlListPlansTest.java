package cn.hardshiprelief.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.ListSeed;
import cn.hardshiprelief.support.MySqlDatabase;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskPage;
import cn.hardshiprelief.task.Tasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On MySQL/MariaDB, with a few thousand open reviews and filed households: the inbox's statement reads a group's
 * tasks from the candidate-group index and a person's own from the assignee index, and the register's page from
 * an index of the reach; none reads the task, link, application or file table whole. (ListQueriesBenchmark does
 * the same on 100,000 applications and times it.)
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(properties = {
        MySqlDatabase.TEST_CRYPTO_KEY,
        "camunda.bpm.process-engine-name=mysqlListPlans",
        "camunda.bpm.job-execution.enabled=false",
        "hardship.demo-data=true",
        "hardship.demo-households=false",
        "hardship.storage.dir=target/test-uploads-mysql-lists"})
@ActiveProfiles("mysql")
class MySqlListPlansTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = MySqlDatabase.freshDatabase("hardship_list_plans");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MySqlDatabase.USER);
        registry.add("spring.datasource.password", () -> MySqlDatabase.PASSWORD);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    Enrollments enrollments;
    @Autowired
    Tasks tasks;

    @Test
    void theInboxAndTheRegisterReadTheirPagesFromIndexesNeverAWholeTable() {
        ListSeed seed = new ListSeed(jdbc);
        seed.filedHouseholds(1_000_000, 3_000);
        EnrollmentApplication template = enrollments.submittedBy("worker1");
        ListSeed.Department own = seed.existingDepartment("C01D01");
        ListSeed.Department other = seed.department("BD1", "C01D01");
        seed.copiesOfApplication(template.getId(), 2_000_000, 3_000, n -> n % 3 == 0 ? own : other);
        jdbc.execute("analyze table ACT_RU_TASK, ACT_RU_IDENTITYLINK, enrollment_application, household_file");

        TaskPage page = tasks.inboxPage("head1", Set.of("departmentHead_C01D01"), null, 1, 20);
        assertThat(page.tasks()).hasSize(20).allSatisfy(t -> assertThat(t.candidateGroups())
                .containsExactly("departmentHead_C01D01"));
        assertThat(page.tasks()).extracting(OpenTask::created).isSorted();
        assertThat(page.hasNext()).isTrue();

        Tasks.InboxQuery inbox = tasks.inboxQuery("head1", Set.of("departmentHead_C01D01"), null, 1, 20);
        List<String> plan = explain(inbox.sql(), inbox.params());
        assertThat(plan).as("inbox").anyMatch(row -> row.startsWith("l ") && row.contains("IX_HR_IDENT_LNK_GROUP_TASK"))
                .anyMatch(row -> row.startsWith("t ") && row.contains("IX_HR_TASK_ASSIGNEE_CREATED"))
                .anyMatch(row -> row.startsWith("t eq_ref key PRIMARY"))
                .noneMatch(row -> row.matches("^[tl] (ALL|index) .*"));

        Long county = jdbc.queryForObject("select id from org_unit where code = 'CU01'", Long.class);
        Long branch = jdbc.queryForObject("select id from org_unit where code = 'CU01B01'", Long.class);
        // the register's page of a county, and of a branch union, the latest filed first (HouseholdQueries.search)
        for (var reach : Map.of("county_union_id", county, "branch_union_id", branch).entrySet()) {
            List<String> register = explain("select h.id from household_file h where h." + reach.getKey() + " = :id"
                    + " order by h.filed_at desc limit 50", Map.of("id", reach.getValue()));
            assertThat(register).as("register by " + reach.getKey()).singleElement()
                    .satisfies(row -> assertThat(row).doesNotStartWith("h ALL").doesNotContain("key null"));
        }
        List<String> byInstance = explain("select a.id from enrollment_application a where a.process_instance_id in (:ids)",
                Map.of("ids", page.tasks().stream().map(OpenTask::processInstanceId).toList()));
        assertThat(byInstance).singleElement().satisfies(row -> assertThat(row).contains("ix_application_process_instance"));
    }

    /** EXPLAIN, one line a table: alias, access type, key. */
    private List<String> explain(String sql, Map<String, ?> params) {
        List<String> rows = new ArrayList<>();
        named.query("explain " + sql, params, row -> {
            rows.add(row.getString("table") + " " + row.getString("type") + " key " + row.getString("key"));
        });
        return rows;
    }
}
