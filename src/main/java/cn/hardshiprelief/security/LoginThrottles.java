package cn.hardshiprelief.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Lockout with a growing delay after repeated wrong passwords, on every login channel (the form, HTTP Basic
 * for {@code /api} and {@code /engine-rest}; the webapps sign in through the form). Counted per account and
 * per address, so neither guessing one password from many places nor many passwords from one place goes on.
 * Every lock and unlock is logged.
 */
@Service
public class LoginThrottles {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottles.class);
    static final String ACCOUNT = "account:";
    static final String ADDRESS = "address:";

    private final LoginThrottleRepository throttles;
    private final Clock clock;
    private final int accountThreshold;
    private final int addressThreshold;

    LoginThrottles(LoginThrottleRepository throttles, Clock clock,
                   @Value("${hardship.login.account-failures:5}") int accountThreshold,
                   @Value("${hardship.login.address-failures:20}") int addressThreshold) {
        this.throttles = throttles;
        this.clock = clock;
        this.accountThreshold = accountThreshold;
        this.addressThreshold = addressThreshold;
    }

    /** Refuses before any password is checked while the account or the address is locked. */
    @Transactional(readOnly = true)
    public void refuseIfLocked(String username, String address) {
        Instant now = clock.instant();
        Optional<LoginThrottle> locked = throttles.findById(key(ACCOUNT, username)).filter(t -> t.isLocked(now))
                .or(() -> address == null ? Optional.empty()
                        : throttles.findById(key(ADDRESS, address)).filter(t -> t.isLocked(now)));
        if (locked.isPresent()) {
            throw new LockedException("locked until " + locked.get().getLockedUntil());
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String address) {
        count(key(ACCOUNT, username), accountThreshold, address);
        if (address != null) {
            count(key(ADDRESS, address), addressThreshold, address);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        throttles.findById(key(ACCOUNT, username)).ifPresent(throttles::delete);
    }

    @Transactional(readOnly = true)
    public Page<LoginThrottle> locked(int page) {
        return throttles.findByLockedUntilAfterOrderByLockedUntilDesc(clock.instant(), PageRequest.of(Math.max(page, 0), 50));
    }

    @Transactional
    public void unlock(String key, String administrator) {
        throttles.findById(key).ifPresent(throttle -> {
            throttle.unlock();
            log.warn("Login unlocked: {} by administrator {}", key, administrator);
        });
    }

    /** Keys fit their column whatever an attacker sends as a username. */
    private static String key(String prefix, String value) {
        String plain = value == null ? "" : value;
        return prefix + (plain.length() > 150 ? plain.substring(0, 150) : plain);
    }

    private void count(String key, int threshold, String address) {
        LoginThrottle throttle = throttles.findById(key).orElseGet(() -> new LoginThrottle(key));
        if (throttle.failed(clock.instant(), threshold)) {
            log.warn("Login locked: {} after {} failures (last from {}) until {}", key, throttle.getFailures(),
                    address, throttle.getLockedUntil());
        }
        throttles.save(throttle);
    }
}
