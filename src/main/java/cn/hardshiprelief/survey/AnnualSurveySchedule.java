package cn.hardshiprelief.survey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the annual survey starts: the time cycle of the start timer {@code surveyYearStarts}, read by
 * the BPMN as {@code ${annualSurveySchedule.cycle}}. A Quartz-style cron (seconds first) or an ISO-8601
 * repeating interval; the default is midnight on 1 October (plans 1 and 14: 每年10至11月调查摸底).
 * The engine evaluates it when the process is deployed and keeps the cycle in the timer job, so a
 * changed value applies from the next deployment of {@code annualSurvey.bpmn} (see docs/annual-survey.md).
 */
@Component("annualSurveySchedule")
public class AnnualSurveySchedule {

    public static final String EVERY_FIRST_OF_OCTOBER = "0 0 0 1 10 ?";

    private final String cycle;

    public AnnualSurveySchedule(@Value("${hardship.survey.cycle:" + EVERY_FIRST_OF_OCTOBER + "}") String cycle) {
        if (cycle == null || cycle.isBlank()) {
            throw new IllegalArgumentException("hardship.survey.cycle must name a cron or an ISO-8601 cycle");
        }
        this.cycle = cycle.strip();
    }

    public String getCycle() {
        return cycle;
    }
}
