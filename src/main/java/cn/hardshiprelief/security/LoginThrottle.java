package cn.hardshiprelief.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins of one account ({@code account:NAME}) or one address ({@code address:IP}). From the threshold
 * on, each further failure locks it twice as long as the one before (1, 2, 4… minutes, at most a day); a day
 * without failure forgets the count.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofDays(1);
    static final Duration MEMORY = Duration.ofDays(1);

    @Id
    @Column(name = "throttle_key")
    private String key;

    private int failures;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginThrottle() {
    }

    LoginThrottle(String key) {
        this.key = key;
    }

    /** Counts one more failure; returns true when this failure locked the key. */
    boolean failed(Instant now, int threshold) {
        if (lastFailureAt != null && lastFailureAt.plus(MEMORY).isBefore(now)) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        if (failures < threshold) {
            return false;
        }
        int doublings = Math.min(failures - threshold, 20);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
        return true;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void unlock() {
        failures = 0;
        lockedUntil = null;
    }

    public String getKey() { return key; }
    public int getFailures() { return failures; }
    public Instant getLastFailureAt() { return lastFailureAt; }
    public Instant getLockedUntil() { return lockedUntil; }
}
