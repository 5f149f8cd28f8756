package cn.hardshiprelief.diagram;

/** A waypoint of a sequence flow (BPMN DI {@code di:waypoint}). */
public record Point(double x, double y) {
}
