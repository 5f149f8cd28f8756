package cn.hardshiprelief.task;

import cn.hardshiprelief.shared.PlainText;

import java.util.List;

/**
 * One input of a Camunda Form (form-js component with a key): what the page renders and what the
 * server checks again on submit.
 */
public record FormField(String key, String type, String label, String description, boolean required,
                        Integer maxLength, List<Option> options) {

    public record Option(String value, String label) {
    }

    public boolean hasOptions() {
        return !options.isEmpty();
    }

    /**
     * Like {@link #problemWith(String)} for a value as a completion carries it: a checkbox takes only a
     * yes/no (a Boolean, or the text "true"/"false" that Tasklist sends).
     */
    public String problemWith(String value, Object raw) {
        if ("checkbox".equals(type) && raw != null && !(raw instanceof Boolean)
                && !"true".equals(value) && !"false".equals(value)) {
            return "form.notAnOption";
        }
        if (raw != null && !(raw instanceof String) && !(raw instanceof Boolean) && !(raw instanceof Number)) {
            return "form.notAnOption";
        }
        return problemWith(value);
    }

    /** Message key of what is wrong with a submitted value, or null when it is acceptable. */
    public String problemWith(String value) {
        boolean blank = value == null || value.isBlank() || ("checkbox".equals(type) && "false".equals(value));
        if (blank) {
            return required ? "form.required" : null;
        }
        if (!PlainText.isPlain(value)) {
            return "form.notPlainText";
        }
        if ("number".equals(type) && !isNumber(value)) {
            return "form.notANumber";
        }
        if (hasOptions() && options.stream().noneMatch(o -> o.value().equals(value))) {
            return "form.notAnOption";
        }
        if (maxLength != null && value.length() > maxLength) {
            return "form.tooLong";
        }
        return null;
    }

    private static boolean isNumber(String value) {
        try {
            new java.math.BigDecimal(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
