package cn.hardshiprelief.audit;

import java.time.ZonedDateTime;

/** One line of an access list: the entry with the reader's display name and the time in the application's zone. */
public record Access(String username, String displayName, ZonedDateTime accessedAt, AccessLogEntry.Kind kind,
                     Long recordId, String subject, String address) {
}
