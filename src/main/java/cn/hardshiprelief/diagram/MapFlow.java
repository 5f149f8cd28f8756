package cn.hardshiprelief.diagram;

import java.util.List;

/**
 * A sequence flow as drawn: its waypoints, its name and label bounds (null when none), and whether the case has
 * gone along it. The engine keeps no history of flows taken: a flow counts as passed when the case reached both
 * its ends.
 */
public record MapFlow(String id, String name, String sourceId, String targetId, List<Point> waypoints, Box label,
                      StepState state) {

    public MapFlow {
        waypoints = List.copyOf(waypoints);
    }

    public MapFlow withState(StepState newState) {
        return new MapFlow(id, name, sourceId, targetId, waypoints, label, newState);
    }
}
