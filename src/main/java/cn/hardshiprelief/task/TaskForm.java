package cn.hardshiprelief.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Camunda Form from {@code forms/}: its id, its inputs and its display texts (markdown stripped to text). */
public record TaskForm(String id, List<FormField> fields, List<String> texts) {

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Checks every field of the form against the submitted values: field key to message key. */
    public Map<String, String> validate(Map<String, String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FormField field : fields) {
            String problem = field.problemWith(values.get(field.key()));
            if (problem != null) {
                problems.put(field.key(), problem);
            }
        }
        return problems;
    }
}
