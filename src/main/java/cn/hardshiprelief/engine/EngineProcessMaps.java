package cn.hardshiprelief.engine;

import cn.hardshiprelief.diagram.MapStep;
import cn.hardshiprelief.diagram.ProcessMap;
import cn.hardshiprelief.diagram.ProcessMaps;
import cn.hardshiprelief.diagram.StepState;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A case's map from the engine: the diagram of the process version the instance runs on (read once per version
 * from the deployed model, {@link BpmnDiagrams}), and the states from the instance's activity history: an
 * activity still open is where the case waits, an ended one (completed or cancelled, as by a return) was passed.
 */
@Component
public class EngineProcessMaps implements ProcessMaps {

    /** The history names a multi-instance activity's body {@code <activityId>#multiInstanceBody}. */
    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final RepositoryService repository;
    private final HistoryService history;
    private final Map<String, ProcessMap> diagrams = new ConcurrentHashMap<>();

    public EngineProcessMaps(RepositoryService repository, HistoryService history) {
        this.repository = repository;
        this.history = history;
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
        List<MapStep> steps = new ArrayList<>();
        for (HistoricActivityInstance activity : activities) {
            String id = activity.getActivityId().endsWith(MULTI_INSTANCE_BODY)
                    ? activity.getActivityId().substring(0, activity.getActivityId().length() - MULTI_INSTANCE_BODY.length())
                    : activity.getActivityId();
            if (activity.getEndTime() == null) {
                states.put(id, StepState.CURRENT);
            } else {
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
}
