package cn.hardshiprelief.enrollment;

import java.time.Instant;

/** One application on the staff's list: what the list shows, read in its transaction (no entity leaves it). */
public record ApplicationLine(Long id, String applicationNumber, String applicantName, String unitName, Route route,
                              ApplicationStatus status, Instant createdAt, Instant submittedAt, Instant concludedAt) {
}
