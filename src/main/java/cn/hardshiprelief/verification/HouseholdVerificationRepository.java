package cn.hardshiprelief.verification;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface HouseholdVerificationRepository extends JpaRepository<HouseholdVerification, Long> {
    Optional<HouseholdVerification> findByApplicationId(Long applicationId);
}
