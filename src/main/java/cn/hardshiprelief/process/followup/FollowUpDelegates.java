package cn.hardshiprelief.process.followup;

import cn.hardshiprelief.engine.DecisionRules;
import cn.hardshiprelief.engine.EngineMessages;
import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.household.FollowUpFacts;
import cn.hardshiprelief.household.FollowUpService;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.ReclassificationFacts;
import cn.hardshiprelief.shared.BusinessException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/**
 * The glue of {@code householdFollowUp}: each bean reads the file id, calls one use case of
 * {@link FollowUpService}, and writes back what the process decides on. The rules themselves are
 * the DMN tables {@code exitRule}, {@code dibaoLine} and {@code classifyHardship}.
 */
@Configuration
class FollowUpDelegates {

    private static Long fileId(DelegateExecution execution) {
        return ((Number) execution.getVariable("fileId")).longValue();
    }

    /** The dibao line of the file's region in that month (its last day), from DMN {@code dibaoLine}. */
    static BigDecimal dibaoLine(DecisionService decisions, String region, YearMonth month) {
        Object line = decisions.evaluateDecisionByKey("dibaoLine")
                .variables(Map.of("regionCode", region == null ? "" : region,
                        "onDay", month.atEndOfMonth().getYear() * 10000 + month.getMonthValue() * 100 + month.lengthOfMonth()))
                .evaluate().getSingleEntry();
        return BigDecimal.valueOf(((Number) line).doubleValue());
    }

    @Bean("computeExitFacts")
    JavaDelegate computeExitFacts(FollowUpService followUp, FollowUpFacts facts, DecisionService decisions) {
        return execution -> {
            HouseholdFile file = followUp.file(fileId(execution));
            var exitFacts = facts.exitFacts(file.getId(), month -> dibaoLine(decisions, file.getRegionCode(), month));
            execution.setVariable("monthsAboveLine", exitFacts.monthsAboveLine());
            execution.setVariable("causesRemaining", exitFacts.causesRemaining());
            execution.setVariable("permanentCause", exitFacts.permanentCause());
            execution.setVariable("severestDisability", exitFacts.severestDisability());
            execution.setVariable("severestHealth", exitFacts.severestHealth());
        };
    }

    @Bean("markExited")
    JavaDelegate markExited(FollowUpService followUp) {
        return execution -> followUp.markExited(fileId(execution), (String) execution.getVariable("exitDecidedBy"));
    }

    @Bean("markStandingSupport")
    JavaDelegate markStandingSupport(FollowUpService followUp) {
        return execution -> followUp.markStandingSupport(fileId(execution));
    }

    /**
     * Re-classifies from the file as the re-check left it: the latest month's income against that month's line,
     * the half-year's incomes, the costs, earners and disaster found, the members at school.
     */
    @Bean("reclassifyHousehold")
    JavaDelegate reclassifyHousehold(FollowUpService followUp, FollowUpFacts facts, DecisionService decisions,
                                     DecisionRules rules) {
        return execution -> {
            HouseholdFile file = followUp.file(fileId(execution));
            ReclassificationFacts found = facts.reclassificationFacts(file.getId());
            Map<String, Object> variables = found.asVariables();
            variables.put("dibaoLine", dibaoLine(decisions, file.getRegionCode(), found.month()).doubleValue());
            var result = decisions.evaluateDecisionByKey("classifyHardship").variables(variables).evaluate()
                    .getSingleResult();
            String reasonCode = rules.ruleId("classifyHardship", result.getEntryMap())
                    .map(id -> "classification.rule." + id).orElse(null);
            followUp.reclassify(file.getId(), Tier.valueOf(result.<String>getEntry("tier")), result.<String>getEntry("reason"),
                    reasonCode);
        };
    }

    @Bean("remindRecheck")
    JavaDelegate remindRecheck(FollowUpService followUp) {
        return execution -> followUp.remind(fileId(execution));
    }

    /** After 30 days the county union may take the re-check too: it is offered to its group as well. */
    @Bean("escalateRecheck")
    JavaDelegate escalateRecheck(FollowUpService followUp, TaskService tasks) {
        return execution -> {
            followUp.escalate(fileId(execution));
            Object county = execution.getVariable("countyUnionCode");
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey("recheckHousehold").list()) {
                if (county != null) {
                    tasks.addCandidateGroup(task.getId(), "countyUnion_" + county);
                }
            }
        };
    }

    /** {@code recheckHousehold} completes only when its re-check has been recorded. */
    @Bean("recheckListener")
    TaskListener recheckListener(FollowUpFacts facts) {
        return (DelegateTask task) -> {
            if (facts.recheckOfTask(task.getId()).isEmpty()) {
                throw new ProcessEngineException("请先在复核页面填写收入、致困原因和走访情况");
            }
        };
    }

    /** {@code watchRecheck}: the lighter visit after exit; a relapse opens the fast path. */
    @Bean("watchRecheckListener")
    TaskListener watchRecheckListener(FollowUpService followUp) {
        return (DelegateTask task) -> {
            Object choice = task.getVariable("relapsedChoice");
            Object findings = task.getVariable("findings");
            if (!"yes".equals(choice) && !"no".equals(choice)) {
                throw new ProcessEngineException("请选择是否返困");
            }
            if (findings == null || findings.toString().isBlank()) {
                throw new ProcessEngineException("请填写回访情况");
            }
            boolean relapsed = "yes".equals(choice);
            Object visits = task.getVariable("watchVisits");
            task.getExecution().setVariable("relapsed", relapsed);
            task.getExecution().setVariable("watchVisits", (visits == null ? 0 : ((Number) visits).intValue()) + 1);
            followUp.recordWatchVisit(((Number) task.getVariable("fileId")).longValue(),
                    cn.hardshiprelief.engine.EngineMessages.actorOf(task), relapsed, findings.toString());
            task.getExecution().setVariable("relapseReportedBy", cn.hardshiprelief.engine.EngineMessages.actorOf(task));
        };
    }

    /** {@code reopenAsRelapse}: 返困快速通道 — a new application straight to the branch union's verification. */
    @Bean("reopenAsRelapse")
    JavaDelegate reopenAsRelapse(FollowUpService followUp) {
        return execution -> followUp.reopenAsRelapse(fileId(execution), (String) execution.getVariable("relapseReportedBy"),
                String.valueOf(execution.getVariable("findings")));
    }

    /**
     * {@code confirmExit}: the county union confirms exit, or keeps the file, which needs a reason: checked here so it
     * holds in Tasklist and on /engine-rest as on our page.
     */
    @Bean("exitDecisionListener")
    TaskListener exitDecisionListener(EngineMessages messages) {
        return (DelegateTask task) -> {
            Object decision = task.getVariable("exitDecision");
            if (!"confirm".equals(decision) && !"keep".equals(decision)) {
                throw new ProcessEngineException("请选择是否确认脱困");
            }
            Object comment = task.getVariable("comment");
            if ("keep".equals(decision) && (comment == null || comment.toString().isBlank())) {
                throw messages.refused(new BusinessException("exit.commentRequired"));
            }
            task.getExecution().setVariable("exitDecidedBy", EngineMessages.actorOf(task));
        };
    }
}
