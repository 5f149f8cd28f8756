package cn.hardshiprelief.disbursement;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByPaymentKey(String paymentKey);

    long countByGrantId(Long grantId);

    List<Payment> findByGrantIdOrderByIdAsc(Long grantId);

    List<Payment> findByFundIdAndDayAndStatusOrderByIdAsc(Long fundId, LocalDate day, PaymentStatus status);

    List<Payment> findByBatchIdOrderByIdAsc(Long batchId);

    List<Payment> findByPaymentKeyIn(Collection<String> keys);

    Page<Payment> findByFundIdOrderByIdDesc(Long fundId, Pageable page);

    List<Payment> findByFundIdOrderByIdAsc(Long fundId);

    List<Payment> findByFileIdOrderByIdAsc(Long fileId);

    @Query("select coalesce(sum(p.amount), 0) from Payment p where p.fund.id = :fundId and p.status = :status")
    BigDecimal totalOf(@Param("fundId") Long fundId, @Param("status") PaymentStatus status);
}
