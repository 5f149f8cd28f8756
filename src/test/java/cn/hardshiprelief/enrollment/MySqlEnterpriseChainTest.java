package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.MySqlDatabase;
import cn.hardshiprelief.support.SimultaneousApplications;
import cn.hardshiprelief.shared.BusinessException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production database: the application on MySQL/MariaDB (profile {@code mysql}, MySQL
 * Connector/J), its schema made by Liquibase including Camunda's changelog, carrying an application
 * through the four approvals to the confirmed list.
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(properties = {
        MySqlDatabase.TEST_CRYPTO_KEY,
        "camunda.bpm.process-engine-name=mysqlTests",
        "camunda.bpm.job-execution.enabled=false",
        "hardship.demo-data=true",
        "hardship.demo-households=false",
        "hardship.storage.dir=target/test-uploads-mysql"})
@ActiveProfiles("mysql")
class MySqlEnterpriseChainTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = MySqlDatabase.freshDatabase("hardship_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MySqlDatabase.USER);
        registry.add("spring.datasource.password", () -> MySqlDatabase.PASSWORD);
    }

    @Autowired
    Enrollments enrollments;
    @Autowired
    ApplicationQueries queries;
    @Autowired
    Directory directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SimultaneousApplications simultaneous;
    @Autowired
    cn.hardshiprelief.support.EarlierStories earlierStories;

    @Test
    void onMySqlAnApplicationPassesFourApprovalsTheNoticeAndIsFiled() {
        assertThat(jdbc.queryForObject("select database()", String.class)).isEqualTo(MySqlDatabase.databaseName("hardship_it"));
        assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("mysql");

        EnrollmentApplication application = enrollments.submittedBy("worker1");
        for (String reviewer : List.of("head1", "director1", "hr1", "office1")) {
            enrollments.decide(reviewer, application.getId(), "approve", "同意");
        }

        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_NOTICE);
        assertThat(queries.confirmed(directory.actor("office1"))).extracting(EnrollmentApplication::getId)
                .contains(application.getId());

        // the notice period ends: the household is filed, once, with a database-kept unique key
        var timer = engine.getManagementService().createJobQuery()
                .processInstanceId(application.getProcessInstanceId()).timers().singleResult();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.Instant.now().plus(java.time.Duration.ofDays(6))));
        try {
            engine.getManagementService().executeJob(timer.getId());
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        EnrollmentApplication done = enrollments.reload(application.getId());
        assertThat(done.getStatus()).isEqualTo(ApplicationStatus.FILED);
        assertThat(jdbc.queryForObject("select count(*) from household_file where application_id = ?", Integer.class,
                done.getId())).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(done.getProcessInstanceId()).singleResult().getEndActivityId())
                .isEqualTo("householdFiled");
    }

    @Test
    void liquibaseOwnsTheEngineTablesAndOurs() {
        Integer engineTables = jdbc.queryForObject("select count(*) from information_schema.tables"
                + " where table_schema = database() and table_name like 'ACT\\_%'", Integer.class);
        assertThat(engineTables).isGreaterThan(40);
        assertThat(jdbc.queryForObject("select count(*) from DATABASECHANGELOG where FILENAME like '%camunda%'",
                Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class))
                .isEqualTo(cn.hardshiprelief.organization.DemoUser.ofTheOrganisation().size());
    }

    @Test
    void theDatabaseItselfKeepsOneActiveFilePerHouseholdWhileClosedFilesMayRepeat() {
        Long unit = jdbc.queryForObject("select id from org_unit where code = 'C01D01'", Long.class);
        Long app1 = enrollments.submittedBy("worker1").getId();
        Long app2 = enrollments.submittedBy("worker1").getId();
        Long app3 = enrollments.submittedBy("worker1").getId();
        String insert = "insert into household_file (file_number, application_id, head_username, head_name, unit_id, tier,"
                + " primary_cause, receives_dibao, status, active_household_key, filed_at, version)"
                + " values (?, ?, 'worker1', '张伟', ?, 'SEVERE', 'ILLNESS', false, ?, ?, current_timestamp, 0)";
        jdbc.update(insert, "T-1", app1, unit, "ACTIVE", "same-household");
        assertThatThrownBy(() -> jdbc.update(insert, "T-2", app2, unit, "ACTIVE", "same-household"))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        // closed files keep no key (NULL): any number of them may exist for a household
        jdbc.update(insert, "T-3", app2, unit, "EXITED", null);
        jdbc.update(insert, "T-4", app3, unit, "EXITED", null);
        assertThat(jdbc.queryForObject("select count(*) from household_file where head_name = '张伟' and file_number like 'T-%'",
                Integer.class)).isEqualTo(3);
    }

    @Test
    void chineseNamesOutsideTheBasicPlaneSurviveTheRoundTrip() {
        EnrollmentApplication application = enrollments.submittedBy("worker2");
        jdbc.update("update household_member set name = ? where application_id = ? and ordinal = 1", "𠮷野家", application.getId());
        assertThat(enrollments.reload(application.getId()).getMembers().get(1).getName()).isEqualTo("𠮷野家");
        String encrypted = jdbc.queryForObject("select id_number_encrypted from household_member where application_id = ?"
                + " and ordinal = 0", String.class, application.getId());
        assertThat(encrypted).startsWith("v1:").doesNotContain("110105");
    }

    /**
     * On MySQL the second waits for the first's row (InnoDB locks the open key), then is refused by the unique
     * index once the first commits, and names the first application, committed and read in a transaction of its own.
     */
    @Test
    void onMySqlTheOpenKeyKeepsTheSecondOfTwoSimultaneousFirstApplicationsOut() {
        earlierStories.closeHouseholdsOf("worker2");
        SimultaneousApplications.Outcome outcome = simultaneous.submit("worker2",
                Enrollments.completeForm("李娜"), Enrollments.completeForm("李娜"));

        assertThat(outcome.firstRefusal()).isNull();
        assertThat(outcome.secondRefusal()).isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey())
                        .isEqualTo("application.workerHasOpenApplication"))
                .satisfies(e -> assertThat(((BusinessException) e).getArgs())
                        .containsExactly(outcome.first().getApplicationNumber()));
        assertThat(jdbc.queryForObject("select count(*) from enrollment_application where applicant_username = 'worker2'"
                + " and status in ('IN_REVIEW','RETURNED','APPROVED','IN_NOTICE')", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select open_key from enrollment_application where id = ?", String.class,
                outcome.first().getId())).isEqualTo("worker2");
    }
}
