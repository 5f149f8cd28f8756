package cn.hardshiprelief.survey;

import java.time.Instant;
import java.util.Optional;

/** What opening a survey by hand needs from the engine: when the yearly timer fires next, and a start now. */
public interface SurveyProcess {

    /** The due date of the start timer {@code surveyYearStarts}, if one is scheduled. */
    Optional<Instant> nextScheduledStart();

    /** Starts {@code annualSurvey} now; its {@code openSurvey} step runs in the caller's transaction. */
    void startNow(String openedBy);
}
