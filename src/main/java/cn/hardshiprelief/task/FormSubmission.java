package cn.hardshiprelief.task;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a page submitted for a task's Camunda Form: the values of the form's fields and nothing else,
 * checked against the same definition Tasklist renders and the engine guard enforces.
 */
public record FormSubmission(TaskForm form, Map<String, String> values) {

    /** Keeps of the submitted parameters only the form's fields. */
    public static FormSubmission of(TaskForm form, Map<String, String> submitted) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            String value = submitted.get(field.key());
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        return new FormSubmission(form, Collections.unmodifiableMap(values));
    }

    public String value(String key) {
        return values.get(key);
    }

    public boolean isBlank(String key) {
        String value = values.get(key);
        return value == null || value.isBlank();
    }

    /** Field key to message key of each value the form does not accept. */
    public Map<String, String> problems() {
        return form.validate(values);
    }

    /**
     * The completion's variables, typed as the form's fields are: a checkbox is a yes/no (unticked: no),
     * a number a number, a text stripped and present even when empty (so no earlier step's text is read
     * for it), a choice not made left out.
     */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        for (FormField field : form.fields()) {
            String value = values.get(field.key());
            switch (field.type()) {
                case "checkbox" -> variables.put(field.key(), "true".equals(value) || "on".equals(value));
                case "textfield", "textarea" -> variables.put(field.key(), value == null ? "" : value.strip());
                case "number" -> {
                    if (value != null && !value.isBlank()) {
                        BigDecimal number = new BigDecimal(value.strip());
                        variables.put(field.key(), number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0
                                ? (Object) number.longValueExact() : (Object) number.doubleValue());
                    }
                }
                default -> {
                    if (value != null && !value.isBlank()) {
                        variables.put(field.key(), value);
                    }
                }
            }
        }
        return variables;
    }
}
