package cn.hardshiprelief.task;

import java.util.Map;
import java.util.Set;

/**
 * Who took part in a case other than as one of its deciders (the applicant, whoever filed it on the
 * applicant's behalf, the requester of aid, its recipient, the caseworker who submitted a list), read
 * from the domain when a step is about to be decided. One implementation per process; the BPMN names,
 * per user task, which of these parties may not decide it (extension property
 * {@value StepRules#SEPARATION_OF_DUTIES}).
 */
public interface CaseParties {

    String APPLICANT = "applicant";
    String FILER = "filer";
    String REQUESTER = "requester";
    String RECIPIENT = "recipient";
    String SUBMITTER = "submitter";

    /** The process whose cases this reads (its BPMN process id). */
    String processId();

    /** Party name to the usernames holding it, for the case with this business key; empty when unknown. */
    Map<String, Set<String>> of(String businessKey);
}
