package cn.hardshiprelief.process.survey;

import cn.hardshiprelief.survey.AnnualSurveyProcess;
import cn.hardshiprelief.survey.SurveyProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Starts {@code annualSurvey} by hand (the timer start event stays as it is: Camunda allows a start by key
 * next to it) and reads the start timer's next due date, which says whether this year's date has passed.
 */
@Component
class AnnualSurveyStarter implements SurveyProcess {

    private final RuntimeService runtime;
    private final ManagementService management;

    AnnualSurveyStarter(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public Optional<Instant> nextScheduledStart() {
        // the process's only timer is its start event's (surveyYearStarts); one per deployed version at most
        return management.createJobQuery().processDefinitionKey(AnnualSurveyProcess.PROCESS_ID).timers().list().stream()
                .map(Job::getDuedate).filter(java.util.Objects::nonNull).map(java.util.Date::toInstant)
                .min(Instant::compareTo);
    }

    @Override
    public void startNow(String openedBy) {
        runtime.startProcessInstanceByKey(AnnualSurveyProcess.PROCESS_ID, Map.of(AnnualSurveyProcess.OPENED_BY, openedBy));
    }
}
