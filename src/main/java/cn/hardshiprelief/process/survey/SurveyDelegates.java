package cn.hardshiprelief.process.survey;

import cn.hardshiprelief.engine.EngineMessages;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.survey.OpenedSurvey;
import cn.hardshiprelief.survey.SurveyService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.Locale;

import static cn.hardshiprelief.survey.AnnualSurveyProcess.*;

/**
 * The glue of {@code annualSurvey}: each bean reads what the process holds, calls one use case of
 * {@link SurveyService} and writes back what the process needs.
 */
@Configuration
class SurveyDelegates {

    private static Long surveyId(VariableScope scope) {
        return ((Number) scope.getVariable(SURVEY_ID)).longValue();
    }

    /** Opens this year's survey; the process then makes one survey task per branch union, due 30 November. */
    @Bean("openSurvey")
    JavaDelegate openSurvey(SurveyService surveys) {
        return execution -> {
            OpenedSurvey opened = surveys.open(execution.getProcessInstanceId(), (String) execution.getVariable(OPENED_BY));
            execution.setVariable(SURVEY_ID, opened.surveyId());
            execution.setVariable(SURVEY_YEAR, opened.year());
            execution.setVariable(DUE_DATE, opened.dueDate());
            execution.setVariable(BRANCH_UNION_CODES, new ArrayList<>(opened.branchUnionCodes()));
        };
    }

    @Bean("closeSurvey")
    JavaDelegate closeSurvey(SurveyService surveys) {
        return execution -> surveys.close(surveyId(execution));
    }

    /**
     * {@code surveyBranchUnion} completes only when confirmed by someone of that branch union, also
     * from Tasklist or /engine-rest; it records who submitted and when.
     */
    @Bean("surveySubmittedListener")
    TaskListener surveySubmittedListener(SurveyService surveys, MessageSource messages) {
        return (DelegateTask task) -> {
            if (!Boolean.TRUE.equals(task.getVariable(SURVEY_CONFIRMED))) {
                throw refused(messages, new BusinessException("survey.confirmationRequired"));
            }
            String username = EngineMessages.actorOf(task);
            try {
                surveys.recordSubmission(surveyId(task), (String) task.getVariable(BRANCH_UNION_CODE), task.getId(),
                        username);
            } catch (BusinessException e) {
                throw refused(messages, e);
            }
        };
    }

    /** A refused rule as an engine exception worded as on our pages, so Tasklist shows why. */
    private static ProcessEngineException refused(MessageSource messages, BusinessException e) {
        return new ProcessEngineException(messages.getMessage(e.getMessageKey(), e.getArgs(), e.getMessageKey(),
                Locale.SIMPLIFIED_CHINESE), e);
    }
}
