package cn.hardshiprelief.disbursement;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface BankBatchRepository extends JpaRepository<BankBatch, Long> {

    List<BankBatch> findByFundIdOrderByIdDesc(Long fundId);

    long countByFundIdAndDay(Long fundId, java.time.LocalDate day);
}
