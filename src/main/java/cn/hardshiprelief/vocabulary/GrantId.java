package cn.hardshiprelief.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The id of an aid grant (帮扶救助) where it travels from one feature to another, so that a file id is never passed where an
 * application id is expected. Inside its own feature (entities, repositories) the id stays a {@code Long}.
 */
public record GrantId(long value) {

    /** The id, or null when there is none. */
    public static GrantId of(Long value) {
        return value == null ? null : new GrantId(value);
    }

    /** The id of a row that exists; fails on null. */
    public static GrantId required(Long value) {
        return new GrantId(Objects.requireNonNull(value, "GrantId"));
    }

    @JsonValue
    public long value() {
        return value;
    }

    /** Just the number, as URLs, logs and messages show it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
