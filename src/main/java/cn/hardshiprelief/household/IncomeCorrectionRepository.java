package cn.hardshiprelief.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface IncomeCorrectionRepository extends JpaRepository<IncomeCorrection, Long> {

    List<IncomeCorrection> findByFileIdOrderByCorrectedAtDescIdDesc(Long fileId);
}
