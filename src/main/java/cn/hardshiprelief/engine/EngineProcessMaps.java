package cn.hardshiprelief.engine;

import cn.hardshiprelief.diagram.MapStep;
import cn.hardshiprelief.diagram.ProcessMap;
import cn.hardshiprelief.diagram.ProcessMaps;
import cn.hardshiprelief.diagram.StepState;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A case's map from the engine: the diagram of the process version the instance runs on (read once per version
 * from the deployed model, {@link BpmnDiagrams}), and the states: where a running instance waits comes from its
 * activity instance tree, which also names the activities whose asynchronous continuation (a job, such as the
 * bank payment) has not run yet; what it has passed comes from the activity history (an ended activity,
 * completed or cancelled as by a return).
 */
@Component
public class EngineProcessMaps implements ProcessMaps {

    /** The history names a multi-instance activity's body {@code <activityId>#multiInstanceBody}. */
    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final RepositoryService repository;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final Map<String, ProcessMap> diagrams = new ConcurrentHashMap<>();

    public EngineProcessMaps(RepositoryService repository, HistoryService history, RuntimeService runtime) {
        this.repository = repository;
        this.history = history;
        this.runtime = runtime;
    }

    @Override
    public Optional<ProcessMap> ofInstance(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        ProcessMap diagram = diagrams.computeIfAbsent(instance.getProcessDefinitionId(),
                id -> BpmnDiagrams.read(repository.getBpmnModelInstance(id), instance.getProcessDefinitionKey()));
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc()
                .list();
        Map<String, StepState> states = new HashMap<>();
        if (instance.getEndTime() == null) {
            ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
            if (tree != null) {
                waiting(tree, states);
            }
        }
        List<MapStep> steps = new ArrayList<>();
        for (HistoricActivityInstance activity : activities) {
            String id = elementId(activity.getActivityId());
            if (activity.getEndTime() != null) {
                states.putIfAbsent(id, StepState.PASSED);
            }
            if (ActivityTypes.TASK_USER_TASK.equals(activity.getActivityType())) {
                steps.add(new MapStep(id, activity.getActivityName(), activity.getAssignee(),
                        activity.getStartTime().toInstant(),
                        activity.getEndTime() == null ? null : activity.getEndTime().toInstant()));
            }
        }
        return Optional.of(diagram.withCase(states, steps));
    }

    /** The activities of the tree, and those whose continuation waits for a job, are where the case waits. */
    private static void waiting(ActivityInstance activity, Map<String, StepState> states) {
        states.put(elementId(activity.getActivityId()), StepState.CURRENT);
        for (TransitionInstance transition : activity.getChildTransitionInstances()) {
            states.put(elementId(transition.getActivityId()), StepState.CURRENT);
        }
        for (ActivityInstance child : activity.getChildActivityInstances()) {
            waiting(child, states);
        }
    }

    private static String elementId(String activityId) {
        return activityId.endsWith(MULTI_INSTANCE_BODY)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
    }
}
