package cn.hardshiprelief.security;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;

public interface LoginThrottleRepository extends JpaRepository<LoginThrottle, String> {

    Page<LoginThrottle> findByLockedUntilAfterOrderByLockedUntilDesc(Instant now, Pageable page);
}
