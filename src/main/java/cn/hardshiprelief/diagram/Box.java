package cn.hardshiprelief.diagram;

/** A rectangle in the diagram's coordinates (BPMN DI {@code dc:Bounds}: x, y of the top left corner). */
public record Box(double x, double y, double width, double height) {

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }
}
