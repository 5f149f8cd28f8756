package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.shared.BusinessException;

import java.util.Map;

/** A decision that does not pass the task's form or the comment rule: field key to message key. */
public class InvalidDecisionException extends BusinessException {

    private final Map<String, String> problems;

    public InvalidDecisionException(Map<String, String> problems) {
        super("review.invalid");
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> getProblems() {
        return problems;
    }
}
