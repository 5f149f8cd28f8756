package cn.hardshiprelief.survey;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface BranchUnionSurveyRepository extends JpaRepository<BranchUnionSurvey, Long> {

    List<BranchUnionSurvey> findBySurveyId(Long surveyId);

    Optional<BranchUnionSurvey> findBySurveyIdAndBranchUnionCode(Long surveyId, String branchUnionCode);

    Optional<BranchUnionSurvey> findBySurveyIdAndBranchUnionId(Long surveyId, Long branchUnionId);
}
