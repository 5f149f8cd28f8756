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

    /** A case as a list row shows it. */
    record CaseSummary(String reference, String subject, String link) {
    }
}
