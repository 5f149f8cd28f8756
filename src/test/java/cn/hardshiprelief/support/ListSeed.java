package cn.hardshiprelief.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Big lists on MySQL/MariaDB in seconds, for the list benchmark and the query-plan test: copies of one real
 * application waiting at a review step (its rows in our tables and the engine's, each id suffixed with the copy's
 * number, its variables pointing at the copy), and filed households written as plain rows. Each copy is a case the
 * engine can carry on: it has its own process instance, execution, task, candidate link, variables and jobs;
 * only the engine's history of the steps before the copy is missing. One INSERT … SELECT per table against a
 * table of numbers, so 50,000 copies take seconds.
 */
public final class ListSeed {

    private final JdbcTemplate jdbc;

    public ListSeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where copy {@code n} goes: the department (org unit id and code) whose head is offered its review. */
    public record Department(long id, String code) {
    }

    /**
     * {@code count} copies of the application {@code templateId} (waiting at its first review), copy n with the id
     * {@code firstId + n - 1}, applicant {@code bw<n>} (an account each, a worker may have one open application),
     * in the department {@code departmentOf.apply(n)}, arriving one second after the other in the past.
     */
    public void copiesOfApplication(long templateId, long firstId, int count, IntFunction<Department> departmentOf) {
        numbers(count);
        String pi = jdbc.queryForObject("select process_instance_id from enrollment_application where id = ?",
                String.class, templateId);
        String applicant = jdbc.queryForObject("select applicant_username from enrollment_application where id = ?",
                String.class, templateId);
        jdbc.execute("drop table if exists seed_department");
        jdbc.execute("create table seed_department (n int primary key, department_id bigint, code varchar(32))");
        List<Object[]> departments = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Department d = departmentOf.apply(n);
            departments.add(new Object[]{n, d.id(), d.code()});
        }
        jdbc.batchUpdate("insert into seed_department values (?, ?, ?)", departments);
        String suffix = "concat(x.%s, '-', s.n)";
        String from = " join seed_number s join seed_department sd on sd.n = s.n";

        copy("app_user", "x.username = '" + applicant + "'", Map.of(
                "username", "concat('bw', s.n)", "display_name", "concat('职工', s.n)",
                "org_unit_id", "sd.department_id"), from);
        long newIdBase = firstId - 1;
        copy("enrollment_application", "x.id = " + templateId, Map.of(
                "id", newIdBase + " + s.n",
                "application_number", "concat('B', s.n)",
                "request_token", "concat(x.request_token, '-', s.n)",
                "applicant_username", "concat('bw', s.n)",
                "filed_by_username", "concat('bw', s.n)",
                "open_key", "concat('bw', s.n)",
                "department_id", "sd.department_id",
                "process_instance_id", suffix.formatted("process_instance_id")), from);

        Map<String, String> execution = new HashMap<>();
        for (String column : List.of("ID_", "PROC_INST_ID_", "PARENT_ID_", "ROOT_PROC_INST_ID_")) {
            execution.put(column, suffix.formatted(column));
        }
        // an activity instance id is the activity's id and a UUID, up to 64 characters with the suffix
        execution.put("ACT_INST_ID_", "concat(left(x.ACT_INST_ID_, 57), '-', s.n)");
        execution.put("BUSINESS_KEY_", "case when x.PROC_INST_ID_ = x.ID_ then cast(" + newIdBase + " + s.n as char) "
                + "else x.BUSINESS_KEY_ end");
        copy("ACT_RU_EXECUTION", "x.PROC_INST_ID_ = '" + pi + "'", execution, from);

        String task = jdbc.queryForObject("select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?", String.class, pi);
        copy("ACT_RU_TASK", "x.PROC_INST_ID_ = '" + pi + "'", Map.of(
                "ID_", suffix.formatted("ID_"), "EXECUTION_ID_", suffix.formatted("EXECUTION_ID_"),
                "PROC_INST_ID_", suffix.formatted("PROC_INST_ID_"),
                "CREATE_TIME_", "timestamp('2026-01-01 00:00:00') + interval s.n second"), from);
        copy("ACT_RU_IDENTITYLINK", "x.TASK_ID_ = '" + task + "'", Map.of(
                "ID_", suffix.formatted("ID_"), "TASK_ID_", suffix.formatted("TASK_ID_"),
                "GROUP_ID_", "case when x.GROUP_ID_ like 'departmentHead_%' then concat('departmentHead_', sd.code) "
                        + "else x.GROUP_ID_ end"), from);

        Integer byteArrays = jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ?"
                + " and BYTEARRAY_ID_ is not null", Integer.class, pi);
        if (byteArrays != null && byteArrays > 0) {
            throw new IllegalStateException("The template's variables hold byte arrays, which copies cannot share");
        }
        String appId = "cast(" + newIdBase + " + s.n as char)";
        copy("ACT_RU_VARIABLE", "x.PROC_INST_ID_ = '" + pi + "'", Map.of(
                "ID_", suffix.formatted("ID_"), "EXECUTION_ID_", suffix.formatted("EXECUTION_ID_"),
                "PROC_INST_ID_", suffix.formatted("PROC_INST_ID_"), "TASK_ID_", suffix.formatted("TASK_ID_"),
                "VAR_SCOPE_", suffix.formatted("VAR_SCOPE_"),
                "LONG_", "case when x.NAME_ = 'applicationId' then " + newIdBase + " + s.n else x.LONG_ end",
                "TEXT_", "case x.NAME_ when 'applicationId' then " + appId
                        + " when 'applicationNumber' then concat('B', s.n)"
                        + " when 'departmentCode' then sd.code"
                        + " when 'filedBy' then concat('bw', s.n) else x.TEXT_ end"), from);
        copy("ACT_RU_EVENT_SUBSCR", "x.PROC_INST_ID_ = '" + pi + "'", Map.of(
                "ID_", suffix.formatted("ID_"), "EXECUTION_ID_", suffix.formatted("EXECUTION_ID_"),
                "PROC_INST_ID_", suffix.formatted("PROC_INST_ID_")), from);
        copy("ACT_RU_JOB", "x.PROCESS_INSTANCE_ID_ = '" + pi + "'", Map.of(
                "ID_", suffix.formatted("ID_"), "EXECUTION_ID_", suffix.formatted("EXECUTION_ID_"),
                "PROCESS_INSTANCE_ID_", suffix.formatted("PROCESS_INSTANCE_ID_"),
                "ROOT_PROC_INST_ID_", suffix.formatted("ROOT_PROC_INST_ID_")), from);
        jdbc.execute("drop table seed_department");
    }

    /**
     * {@code count} filed households with their filed applications, ids from {@code firstId}, on the union route
     * under the county union CU01, alternating its branch unions CU01B01 and CU01B02 (as FollowUpRecheckBenchmark).
     */
    public void filedHouseholds(long firstId, int count) {
        Map<String, Long> units = new HashMap<>();
        jdbc.query("select code, id from org_unit", rs -> {
            units.put(rs.getString(1), rs.getLong(2));
        });
        Long county = units.get("CU01");
        long[][] branchAndWorkplace = {{units.get("CU01B01"), units.get("CU01B01W1")},
                {units.get("CU01B02"), units.get("CU01B02W1")}};
        String[] heads = {"worker3", "worker4"};
        String[] filedBy = {"branch1", "branch2"};
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int year = Year.now().getValue();
        for (long from = firstId; from < firstId + count; from += 1000) {
            List<Object[]> applications = new ArrayList<>();
            List<Object[]> files = new ArrayList<>();
            for (long id = from; id < Math.min(firstId + count, from + 1000); id++) {
                int b = (int) (id % 2);
                Timestamp filed = Timestamp.from(now.minusSeconds(firstId + count - id));
                applications.add(new Object[]{id, "SQ" + year + id, UUID.randomUUID().toString(), heads[b],
                        filedBy[b], branchAndWorkplace[b][1], "FILED", "UNION", branchAndWorkplace[b][0], county,
                        "230602", "DEEP", "LOW_INCOME", filed, filed, filed});
                files.add(new Object[]{id, "JD" + year + String.format("%08d", id), id, heads[b],
                        "职工" + id, branchAndWorkplace[b][1], branchAndWorkplace[b][0], county, "230602", "DEEP",
                        "LOW_INCOME", "", false, "ACTIVE", String.format("%064d", id), filed});
            }
            jdbc.batchUpdate("insert into enrollment_application (id, application_number, request_token,"
                    + " applicant_username, filed_by_username, department_id, status, route, branch_union_id,"
                    + " county_union_id, region_code, tier, primary_cause, created_at, submitted_at, concluded_at,"
                    + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", applications);
            jdbc.batchUpdate("insert into household_file (id, file_number, application_id, head_username,"
                    + " head_name, unit_id, branch_union_id, county_union_id, region_code, tier, primary_cause,"
                    + " secondary_causes, receives_dibao, status, active_household_key, filed_at, version)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", files);
        }
    }

    /** A department under the template's company, with its head's group: where copies can be offered. */
    public Department department(String code, String copyOf) {
        copy("org_unit", "x.code = '" + copyOf + "'", Map.of("id", "null", "code", "'" + code + "'",
                "name", "concat(x.name, ' " + code + "')"), "");
        long id = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, code);
        copy("app_group", "x.id = 'departmentHead_" + copyOf + "'", Map.of("id", "'departmentHead_" + code + "'",
                "org_unit_id", String.valueOf(id)), "");
        return new Department(id, code);
    }

    /** A person like {@code copyOf} (same password, same roles) in another unit, their groups renamed alike. */
    public void person(String username, String copyOf, Department unit, String fromCode) {
        copy("app_user", "x.username = '" + copyOf + "'", Map.of("username", "'" + username + "'",
                "org_unit_id", String.valueOf(unit.id())), "");
        copy("app_membership", "x.username = '" + copyOf + "'", Map.of("username", "'" + username + "'",
                "group_id", "replace(x.group_id, '" + fromCode + "', '" + unit.code() + "')"), "");
    }

    public Department existingDepartment(String code) {
        return new Department(jdbc.queryForObject("select id from org_unit where code = ?", Long.class, code), code);
    }

    /** 1..count in a table of its own, for INSERT … SELECT (no vendor's sequence tables needed). */
    private void numbers(int count) {
        jdbc.execute("drop table if exists seed_number");
        jdbc.execute("create table seed_number (n int primary key)");
        List<Object[]> rows = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            rows.add(new Object[]{n});
            if (rows.size() == 5000 || n == count) {
                jdbc.batchUpdate("insert into seed_number values (?)", rows);
                rows.clear();
            }
        }
    }

    /** INSERT INTO table SELECT every column of the matching rows, with the given columns replaced. */
    private void copy(String table, String where, Map<String, String> replaced, String join) {
        Map<String, String> columns = new LinkedHashMap<>();
        jdbc.query("select column_name from information_schema.columns where table_schema = database()"
                + " and table_name = ? order by ordinal_position", rs -> {
            String column = rs.getString(1);
            columns.put(column, replaced.getOrDefault(column, replaced.getOrDefault(column.toUpperCase(),
                    replaced.getOrDefault(column.toLowerCase(), "x." + column))));
        }, table);
        if (columns.isEmpty()) {
            throw new IllegalStateException("No table " + table);
        }
        jdbc.update("insert into " + table + " (" + String.join(", ", columns.keySet()) + ") select "
                + String.join(", ", columns.values()) + " from " + table + " x" + join + " where " + where);
    }
}
