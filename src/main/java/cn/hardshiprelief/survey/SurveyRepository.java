package cn.hardshiprelief.survey;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface SurveyRepository extends JpaRepository<Survey, Long> {

    Optional<Survey> findByYear(int year);

    Optional<Survey> findFirstByOrderByYearDesc();

    List<Survey> findAllByOrderByYearDesc();
}
