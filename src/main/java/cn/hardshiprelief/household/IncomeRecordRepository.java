package cn.hardshiprelief.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

public interface IncomeRecordRepository extends JpaRepository<IncomeRecord, Long> {

    List<IncomeRecord> findByFileIdOrderByIncomeMonthDesc(Long fileId);

    boolean existsByFileIdAndIncomeMonth(Long fileId, LocalDate incomeMonth);
}
