package cn.hardshiprelief.diagram;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A process diagram as its BPMN DI draws it (shapes with their bounds, flows with their waypoints) and where one
 * case stands on it: the elements it waits at, those it has passed, and its user tasks with who and when.
 */
public record ProcessMap(String processId, String processName, List<MapShape> shapes, List<MapFlow> flows,
                         List<MapStep> steps) {

    public ProcessMap {
        shapes = List.copyOf(shapes);
        flows = List.copyOf(flows);
        steps = List.copyOf(steps);
    }

    /** The diagram with no case on it: every element not reached. */
    public static ProcessMap plain(String processId, String processName, List<MapShape> shapes, List<MapFlow> flows) {
        return new ProcessMap(processId, processName,
                shapes.stream().map(s -> s.withState(StepState.NOT_REACHED)).toList(),
                flows.stream().map(f -> f.withState(StepState.NOT_REACHED)).toList(), List.of());
    }

    /**
     * This diagram with a case's states (element id → state; elements not named are not reached) and its user
     * tasks. A flow is passed when both its ends were reached.
     */
    public ProcessMap withCase(Map<String, StepState> states, List<MapStep> caseSteps) {
        List<MapShape> stated = shapes.stream()
                .map(s -> s.withState(states.getOrDefault(s.id(), StepState.NOT_REACHED))).toList();
        List<MapFlow> walked = flows.stream().map(f -> f.withState(
                reached(states.get(f.sourceId())) && reached(states.get(f.targetId())) ? StepState.PASSED
                        : StepState.NOT_REACHED)).toList();
        return new ProcessMap(processId, processName, stated, walked, caseSteps);
    }

    private static boolean reached(StepState state) {
        return state == StepState.CURRENT || state == StepState.PASSED;
    }

    public List<MapShape> inState(StepState state) {
        return shapes.stream().filter(s -> s.state() == state).toList();
    }

    /** The elements the case waits at, containers (subprocesses) left out: they hold the step that waits. */
    public List<MapShape> current() {
        return inState(StepState.CURRENT).stream().filter(s -> !s.kind().isContainer()).toList();
    }

    public MapShape shape(String id) {
        return shapes.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    /** The usernames the steps name, to be shown by name. */
    public Set<String> people() {
        return steps.stream().map(MapStep::assignee).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The smallest box holding every shape, label and waypoint. */
    public Box bounds() {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (MapShape s : shapes) {
            for (Box b : s.label() == null ? List.of(s.box()) : List.of(s.box(), s.label())) {
                minX = Math.min(minX, b.x());
                minY = Math.min(minY, b.y());
                maxX = Math.max(maxX, b.right());
                maxY = Math.max(maxY, b.bottom());
            }
        }
        for (MapFlow f : flows) {
            for (Point p : f.waypoints()) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
            if (f.label() != null) {
                minX = Math.min(minX, f.label().x());
                minY = Math.min(minY, f.label().y());
                maxX = Math.max(maxX, f.label().right());
                maxY = Math.max(maxY, f.label().bottom());
            }
        }
        return minX > maxX ? new Box(0, 0, 0, 0) : new Box(minX, minY, maxX - minX, maxY - minY);
    }
}
