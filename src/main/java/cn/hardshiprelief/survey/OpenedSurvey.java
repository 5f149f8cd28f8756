package cn.hardshiprelief.survey;

import java.util.List;

/**
 * What {@code openSurvey} hands to the process: the survey's id and year, its due date as an
 * ISO-8601 date-time with offset (the end of 30 November, e.g. {@code 2026-11-30T23:59:59+08:00}),
 * and the code of every branch union, one survey task each.
 */
public record OpenedSurvey(Long surveyId, int year, String dueDate, List<String> branchUnionCodes) {
}
