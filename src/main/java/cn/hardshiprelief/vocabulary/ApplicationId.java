package cn.hardshiprelief.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The id of an enrollment application (困难职工申请) where it travels from one feature to another, so that a file id is never passed where an
 * application id is expected. Inside its own feature (entities, repositories) the id stays a {@code Long}.
 */
public record ApplicationId(long value) {

    /** The id, or null when there is none. */
    public static ApplicationId of(Long value) {
        return value == null ? null : new ApplicationId(value);
    }

    /** The id of a row that exists; fails on null. */
    public static ApplicationId required(Long value) {
        return new ApplicationId(Objects.requireNonNull(value, "ApplicationId"));
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
