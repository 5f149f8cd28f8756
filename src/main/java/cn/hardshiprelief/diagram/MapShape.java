package cn.hardshiprelief.diagram;

/**
 * One element of the diagram: its BPMN id and name, where the Modeler drew it and its label (null when the
 * diagram gives the label no bounds of its own), and the case's state there.
 */
public record MapShape(String id, ShapeKind kind, String name, Box box, Box label, StepState state) {

    public MapShape withState(StepState newState) {
        return new MapShape(id, kind, name, box, label, newState);
    }
}
