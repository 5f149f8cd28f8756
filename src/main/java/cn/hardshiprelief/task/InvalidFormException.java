package cn.hardshiprelief.task;

import cn.hardshiprelief.shared.BusinessException;

import java.util.Map;

/**
 * What was submitted for a step does not pass its Camunda Form or a rule of the step (a reason needed
 * for a refusal): field key to message key, for the page to show beside each field.
 */
public class InvalidFormException extends BusinessException {

    private final Map<String, String> problems;

    public InvalidFormException(Map<String, String> problems) {
        super("form.invalid");
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> getProblems() {
        return problems;
    }
}
