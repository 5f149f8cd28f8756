package cn.hardshiprelief.workbench;

import java.util.Optional;

/**
 * One process's cases as the workbench lists them: what to call a case and where its page is. Implemented by the
 * feature that owns the process (enrollment, aid, campaign); the workbench knows no feature.
 */
public interface CaseDirectory {

    /** The process whose cases this describes (its BPMN id). */
    String processId();

    /** The case with this business key: a reference, a subject and the link to its page; empty when unknown. */
    Optional<CaseSummary> describe(String businessKey);

    /** Where a task of the case is decided: the case's page unless the feature has a page per task. */
    default String taskLink(CaseSummary summary, String taskId) {
        return summary.link();
    }

    /**
     * What each of these completed tasks decided, as the feature recorded it (a message key of the outcome and the
     * comment), for the done list; tasks it knows nothing of are left out.
     */
    default java.util.Map<String, Decision> decisions(java.util.Collection<String> taskIds) {
        return java.util.Map.of();
    }

    /** A decision as the done list shows it: the outcome's message key and the comment (may be null). */
    record Decision(String outcomeKey, String comment) {
    }

    /** A case as a list row shows it. */
    record CaseSummary(String reference, String subject, String link) {
    }
}
