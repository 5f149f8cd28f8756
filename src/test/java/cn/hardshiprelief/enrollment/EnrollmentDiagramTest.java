package cn.hardshiprelief.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * What a manager sees in the Modeler: the review chain drawn as a chain. Before the redesign the
 * diagram had 21 gateways, 15 of them routing approve / reject / return per step; the review steps now
 * end through their listeners (an approval leaves along the only flow, a rejection or a return is a BPMN
 * error), so the diagram keeps at most half of them and none routes on a reviewer's decision.
 */
class EnrollmentDiagramTest {

    private static final int GATEWAYS_BEFORE_THE_REDESIGN = 21;

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/hardshipEnrollment.bpmn"));

    @Test
    void theDiagramHasAtMostHalfOfItsFormerGatewaysAndNoneRoutesOnAReviewersDecision() {
        assertThat(model.getModelElementsByType(Gateway.class)).hasSizeLessThanOrEqualTo(GATEWAYS_BEFORE_THE_REDESIGN / 2);
        assertThat(model.getModelElementsByType(ConditionExpression.class))
                .extracting(ConditionExpression::getTextContent)
                .noneMatch(condition -> condition.contains("decision"));
    }

    @Test
    void everyReviewStepSitsInTheReviewChainLeavesByOneFlowAndEndsThroughTheSameTwoListeners() {
        SubProcess chain = model.getModelElementById("reviewChain");
        for (String step : HardshipEnrollmentProcess.REVIEW_STEPS) {
            UserTask review = model.getModelElementById(step);
            assertThat(review).as(step).isNotNull();
            assertThat(review.getParentElement()).as("%s is inside the review chain", step).isEqualTo(chain);
            assertThat(review.getOutgoing()).as("flows leaving %s", step).hasSize(1);
            assertThat(review.getOutgoing().iterator().next().getConditionExpression()).isNull();
            assertThat(completeListeners(review)).as("complete listeners of %s", step)
                    .containsExactly("${reviewDecisionListener}", "${reviewOutcome}");
            assertThat(review.getCamundaFormRef()).isEqualTo("reviewApplication");
        }
        UserTask verification = model.getModelElementById(HardshipEnrollmentProcess.VERIFY_HOUSEHOLD);
        assertThat(verification.getParentElement()).isEqualTo(chain);
        UserTask correction = model.getModelElementById(HardshipEnrollmentProcess.CORRECT_APPLICATION);
        assertThat(correction.getParentElement()).as("the correction is outside the chain it returns to")
                .isNotEqualTo(chain);
    }

    private static List<String> completeListeners(UserTask task) {
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .filter(listener -> "complete".equals(listener.getCamundaEvent()))
                .map(CamundaTaskListener::getCamundaDelegateExpression)
                .toList();
    }
}
