package cn.hardshiprelief.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.*;

/**
 * Reads the Camunda Forms deployed from {@code forms/} (the same files Tasklist renders), so the
 * application's own pages and its server-side checks come from one definition.
 */
@Component
public class TaskForms {

    private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "radio", "select",
            "checkbox", "datetime");

    private final Map<String, TaskForm> forms;

    public TaskForms(ObjectMapper objectMapper) {
        this.forms = load(objectMapper);
    }

    public Optional<TaskForm> form(String id) {
        return Optional.ofNullable(id).map(forms::get);
    }

    public TaskForm require(String id) {
        return form(id).orElseThrow(() -> new IllegalStateException("No Camunda Form with id " + id + " in forms/"));
    }

    private static Map<String, TaskForm> load(ObjectMapper mapper) {
        Map<String, TaskForm> loaded = new HashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form");
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    TaskForm form = parse(mapper.readTree(in));
                    loaded.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read forms/", e);
        }
        return Map.copyOf(loaded);
    }

    static TaskForm parse(JsonNode root) {
        List<FormField> fields = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        collect(root.path("components"), fields, texts);
        return new TaskForm(root.path("id").asText(), List.copyOf(fields), List.copyOf(texts));
    }

    private static void collect(JsonNode components, List<FormField> fields, List<String> texts) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("text".equals(type)) {
                texts.add(c.path("text").asText());
            } else if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
                JsonNode validate = c.path("validate");
                List<FormField.Option> options = new ArrayList<>();
                for (JsonNode v : c.path("values")) {
                    options.add(new FormField.Option(v.path("value").asText(), v.path("label").asText()));
                }
                fields.add(new FormField(c.path("key").asText(), type, c.path("label").asText(),
                        c.path("description").asText(null), validate.path("required").asBoolean(false),
                        validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                        List.copyOf(options)));
            }
            if (c.has("components")) {
                collect(c.path("components"), fields, texts);
            }
        }
    }
}
