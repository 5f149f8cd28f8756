package cn.hardshiprelief.notice;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@value #LIMIT} objections per address in {@link #WINDOW}: the public form needs no login,
 * so this keeps it from being flooded. In memory, per node: a cluster would share it in the database.
 */
@Component
class ObjectionRateLimiter {

    static final int LIMIT = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Clock clock;

    ObjectionRateLimiter(Clock clock) {
        this.clock = clock;
    }

    boolean tryAcquire(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= LIMIT) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
