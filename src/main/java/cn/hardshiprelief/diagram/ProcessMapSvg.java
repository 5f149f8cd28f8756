package cn.hardshiprelief.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Draws a {@link ProcessMap} as inline SVG, as the Modeler laid it out: tasks as rounded rectangles with their
 * names, events as circles, gateways as diamonds, subprocesses as containers, sequence flows as polylines with
 * arrowheads. Colour is never the only signal: the step the case waits at has a thick border and a badge, the
 * passed ones a check mark and a solid line, the rest a thin dashed line. The SVG scales to its container
 * ({@code viewBox}, width 100%) but keeps a minimum width, so on a phone it scrolls sideways instead of shrinking
 * its text out of reach. Every text is escaped: names come from a BPMN file anyone with the Modeler may deploy.
 */
public final class ProcessMapSvg {

    /**
     * The reader's words: the map's title, the states as the legend names them, the badge on the current step,
     * and each element's name in the reader's language (given its id and its name in the BPMN).
     */
    public record Words(String title, String current, String passed, String notReached, String badge,
                        BiFunction<String, String, String> nameOf) {
    }

    static final String CURRENT_STROKE = "#b45309";
    static final String CURRENT_FILL = "#fff4d6";
    static final String PASSED_STROKE = "#1b6e3a";
    static final String PASSED_FILL = "#e7f4ec";
    static final String PLAIN_STROKE = "#8a8a8a";
    private static final double PADDING = 12;
    private static final double BADGE_HEIGHT = 16;
    private static final double TASK_FONT = 12;
    private static final double LABEL_FONT = 11;

    private ProcessMapSvg() {
    }

    public static String render(ProcessMap map, Words words) {
        Box bounds = map.bounds();
        double x = bounds.x() - PADDING;
        double y = bounds.y() - PADDING - BADGE_HEIGHT;
        double width = bounds.width() + 2 * PADDING;
        double height = bounds.height() + 2 * PADDING + BADGE_HEIGHT;
        StringBuilder svg = new StringBuilder(16_384);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-map-svg\" viewBox=\"")
                .append(n(x)).append(' ').append(n(y)).append(' ').append(n(width)).append(' ').append(n(height))
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" style=\"min-width: ")
                .append(n(Math.round(width * 0.75))).append("px\" role=\"img\" aria-labelledby=\"pm-title\" aria-describedby=\"pm-desc\"")
                .append(" font-family=\"system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans SC', sans-serif\">\n");
        svg.append("<title id=\"pm-title\">").append(esc(words.title())).append("</title>\n");
        svg.append("<desc id=\"pm-desc\">").append(esc(summary(map, words))).append("</desc>\n");
        svg.append("<defs>").append(arrow("pm-arrow", PLAIN_STROKE)).append(arrow("pm-arrow-passed", PASSED_STROKE))
                .append("</defs>\n");

        List<MapShape> containers = map.shapes().stream().filter(s -> s.kind().isContainer())
                .sorted(Comparator.comparingDouble((MapShape s) -> s.box().width() * s.box().height()).reversed())
                .toList();
        svg.append("<g class=\"pm-containers\">\n");
        containers.forEach(s -> container(svg, s, words));
        svg.append("</g>\n<g class=\"pm-flows\">\n");
        map.flows().forEach(f -> flow(svg, f, words));
        svg.append("</g>\n<g class=\"pm-shapes\">\n");
        map.shapes().stream().filter(s -> !s.kind().isContainer()).forEach(s -> shape(svg, s, words));
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    /** What a screen reader says for the picture: where the case waits and what it has passed. */
    static String summary(ProcessMap map, Words words) {
        String current = map.current().stream().map(s -> name(s, words)).filter(s -> !s.isBlank())
                .collect(Collectors.joining("、"));
        String passed = map.inState(StepState.PASSED).stream()
                .filter(s -> s.kind().isTask()).map(s -> name(s, words)).filter(s -> !s.isBlank())
                .collect(Collectors.joining("、"));
        return words.current() + ": " + (current.isEmpty() ? "—" : current) + "; "
                + words.passed() + ": " + (passed.isEmpty() ? "—" : passed);
    }

    private static String arrow(String id, String colour) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + colour + "\"/></marker>";
    }

    private static void container(StringBuilder svg, MapShape s, Words words) {
        Box b = s.box();
        String name = name(s, words);
        openGroup(svg, s, words, name);
        svg.append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"")
                .append(n(b.width())).append("\" height=\"").append(n(b.height()))
                .append("\" rx=\"12\" fill=\"none\" stroke=\"").append(stroke(s.state()))
                .append("\" stroke-width=\"").append(s.state() == StepState.CURRENT ? "2.5" : "1.5").append('"')
                .append(s.kind() == ShapeKind.EVENT_SUBPROCESS ? " stroke-dasharray=\"2 4\"" : "")
                .append(s.state() == StepState.NOT_REACHED && s.kind() == ShapeKind.SUBPROCESS
                        ? " stroke-dasharray=\"6 3\"" : "")
                .append("/>\n");
        text(svg, List.of(name), b.x() + 8, b.y() + 16, LABEL_FONT, "start", s.state());
        svg.append("</g>\n");
    }

    private static void flow(StringBuilder svg, MapFlow f, Words words) {
        if (f.waypoints().size() < 2) {
            return;
        }
        boolean passed = f.state() == StepState.PASSED;
        svg.append("<g class=\"pm-flow ").append(passed ? "passed" : "not-reached").append("\" data-flow=\"")
                .append(esc(f.id())).append("\">");
        svg.append("<polyline points=\"").append(f.waypoints().stream().map(p -> n(p.x()) + "," + n(p.y()))
                        .collect(Collectors.joining(" ")))
                .append("\" fill=\"none\" stroke=\"").append(passed ? PASSED_STROKE : PLAIN_STROKE)
                .append("\" stroke-width=\"").append(passed ? "2" : "1.25").append('"')
                .append(passed ? "" : " stroke-dasharray=\"5 3\"")
                .append(" marker-end=\"url(#").append(passed ? "pm-arrow-passed" : "pm-arrow").append(")\"/>");
        String name = words.nameOf().apply(f.id(), f.name());
        if (name != null && !name.isBlank()) {
            Box label = f.label() != null ? f.label() : new Box(f.waypoints().get(0).x() + 4,
                    f.waypoints().get(0).y() - 16, 60, 14);
            List<String> lines = wrap(name, Math.max(label.width(), 40), LABEL_FONT, 2);
            text(svg, lines, label.centerX(), label.y() + LABEL_FONT, LABEL_FONT, "middle", f.state());
        }
        svg.append("</g>\n");
    }

    private static void shape(StringBuilder svg, MapShape s, Words words) {
        Box b = s.box();
        String name = name(s, words);
        openGroup(svg, s, words, name);
        String paint = " fill=\"" + fill(s.state()) + "\" stroke=\"" + stroke(s.state()) + "\" stroke-width=\""
                + strokeWidth(s) + "\"" + (s.state() == StepState.NOT_REACHED ? " stroke-dasharray=\"5 3\"" : "");
        if (s.kind().isTask()) {
            svg.append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"")
                    .append(n(b.width())).append("\" height=\"").append(n(b.height())).append("\" rx=\"10\"")
                    .append(paint).append("/>");
            if (s.kind() == ShapeKind.USER_TASK) {
                // a person at the top left, as the Modeler marks a user task
                svg.append("<circle cx=\"").append(n(b.x() + 11)).append("\" cy=\"").append(n(b.y() + 9))
                        .append("\" r=\"3\" fill=\"none\" stroke=\"#555\"/><path d=\"M").append(n(b.x() + 5)).append(',')
                        .append(n(b.y() + 19)).append(" q6,-9 12,0\" fill=\"none\" stroke=\"#555\"/>");
            }
            List<String> lines = wrap(name, b.width() - 10, TASK_FONT, (int) Math.max(1, (b.height() - 8) / 15));
            double top = b.centerY() - (lines.size() * 15) / 2.0 + TASK_FONT - 1;
            text(svg, lines, b.centerX(), top, TASK_FONT, "middle", s.state());
        } else if (s.kind().isEvent()) {
            double r = Math.min(b.width(), b.height()) / 2;
            svg.append("<circle cx=\"").append(n(b.centerX())).append("\" cy=\"").append(n(b.centerY()))
                    .append("\" r=\"").append(n(r)).append('"').append(paint).append("/>");
            if (s.kind() == ShapeKind.INTERMEDIATE_EVENT || s.kind() == ShapeKind.BOUNDARY_EVENT) {
                svg.append("<circle cx=\"").append(n(b.centerX())).append("\" cy=\"").append(n(b.centerY()))
                        .append("\" r=\"").append(n(r - 3)).append("\" fill=\"none\" stroke=\"")
                        .append(stroke(s.state())).append("\" stroke-width=\"1\"/>");
            }
            outsideLabel(svg, s, name);
        } else {
            svg.append("<polygon points=\"").append(n(b.centerX())).append(',').append(n(b.y())).append(' ')
                    .append(n(b.right())).append(',').append(n(b.centerY())).append(' ')
                    .append(n(b.centerX())).append(',').append(n(b.bottom())).append(' ')
                    .append(n(b.x())).append(',').append(n(b.centerY())).append('"').append(paint).append("/>");
            gatewayMarker(svg, s);
            outsideLabel(svg, s, name);
        }
        if (s.state() == StepState.PASSED) {
            // a check mark at the top right: passed is told by shape, not by colour alone
            double cx = b.right() - (s.kind().isTask() ? 12 : 0);
            double cy = b.y() + (s.kind().isTask() ? 10 : 0);
            svg.append("<path class=\"pm-check\" d=\"M").append(n(cx - 6)).append(',').append(n(cy))
                    .append(" l4,4 l8,-8\" fill=\"none\" stroke=\"").append(PASSED_STROKE)
                    .append("\" stroke-width=\"2.5\" stroke-linecap=\"round\"/>");
        }
        if (s.state() == StepState.CURRENT) {
            String badge = "▶ " + words.badge();
            double w = textWidth(badge, LABEL_FONT) + 10;
            svg.append("<g class=\"pm-badge\"><rect x=\"").append(n(b.x())).append("\" y=\"")
                    .append(n(b.y() - BADGE_HEIGHT - 2)).append("\" width=\"").append(n(w)).append("\" height=\"")
                    .append(n(BADGE_HEIGHT)).append("\" rx=\"8\" fill=\"").append(CURRENT_STROKE)
                    .append("\"/><text x=\"").append(n(b.x() + 5)).append("\" y=\"").append(n(b.y() - 6))
                    .append("\" font-size=\"").append(n(LABEL_FONT)).append("\" fill=\"#fff\">").append(esc(badge))
                    .append("</text></g>");
        }
        svg.append("</g>\n");
    }

    private static void openGroup(StringBuilder svg, MapShape s, Words words, String name) {
        String state = switch (s.state()) {
            case CURRENT -> "current";
            case PASSED -> "passed";
            case NOT_REACHED -> "not-reached";
        };
        String stateWord = switch (s.state()) {
            case CURRENT -> words.current();
            case PASSED -> words.passed();
            case NOT_REACHED -> words.notReached();
        };
        svg.append("<g class=\"pm-shape ").append(state).append(' ')
                .append(s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append("\" data-element=\"").append(esc(s.id())).append("\" data-state=\"").append(s.state())
                .append("\"><title>").append(esc(name.isBlank() ? s.id() : name)).append(" — ")
                .append(esc(stateWord)).append("</title>");
    }

    private static void gatewayMarker(StringBuilder svg, MapShape s) {
        Box b = s.box();
        double cx = b.centerX(), cy = b.centerY(), d = Math.min(b.width(), b.height()) / 5;
        String line = " stroke=\"#444\" stroke-width=\"3\" stroke-linecap=\"round\"/>";
        switch (s.kind()) {
            case EXCLUSIVE_GATEWAY -> svg.append("<path d=\"M").append(n(cx - d)).append(',').append(n(cy - d))
                    .append(" L").append(n(cx + d)).append(',').append(n(cy + d)).append(" M").append(n(cx + d))
                    .append(',').append(n(cy - d)).append(" L").append(n(cx - d)).append(',').append(n(cy + d))
                    .append('"').append(line);
            case PARALLEL_GATEWAY -> svg.append("<path d=\"M").append(n(cx)).append(',').append(n(cy - d * 1.3))
                    .append(" V").append(n(cy + d * 1.3)).append(" M").append(n(cx - d * 1.3)).append(',')
                    .append(n(cy)).append(" H").append(n(cx + d * 1.3)).append('"').append(line);
            default -> svg.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"")
                    .append(n(d * 1.2)).append("\" fill=\"none\" stroke=\"#444\" stroke-width=\"2\"/>");
        }
    }

    /** The name of an event or gateway: in its label bounds when the diagram has them, else under the shape. */
    private static void outsideLabel(StringBuilder svg, MapShape s, String name) {
        if (name.isBlank()) {
            return;
        }
        Box label = s.label() != null ? s.label()
                : new Box(s.box().centerX() - 45, s.box().bottom() + 4, 90, 28);
        List<String> lines = wrap(name, Math.max(label.width(), 50), LABEL_FONT, 3);
        text(svg, lines, label.centerX(), label.y() + LABEL_FONT, LABEL_FONT, "middle", s.state());
    }

    private static void text(StringBuilder svg, List<String> lines, double x, double y, double size, String anchor,
                             StepState state) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"")
                .append(n(size)).append("\" text-anchor=\"").append(anchor).append("\" fill=\"")
                .append(state == StepState.NOT_REACHED ? "#444" : "#111").append('"')
                .append(state == StepState.CURRENT ? " font-weight=\"700\"" : "").append('>');
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<tspan x=\"").append(n(x)).append('"').append(i == 0 ? "" : " dy=\"" + n(size + 3) + "\"")
                    .append('>').append(esc(lines.get(i))).append("</tspan>");
        }
        svg.append("</text>");
    }

    /** Breaks a name into lines that fit the width, at most {@code maxLines} (the last one cut with …). */
    static List<String> wrap(String text, double width, double fontSize, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double used = 0;
        int[] codePoints = text.strip().codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            double w = charWidth(c, fontSize);
            if (used + w > width && !line.isEmpty()) {
                if (lines.size() == maxLines - 1) {
                    lines.add(line.append('…').toString());
                    return lines;
                }
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                used = 0;
                if (c == ' ') {
                    continue;
                }
            }
            line.appendCodePoint(c);
            used += w;
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static double textWidth(String text, double fontSize) {
        return text.codePoints().mapToDouble(c -> charWidth(c, fontSize)).sum();
    }

    /** Han characters and full-width punctuation take a full em; Latin letters and digits about six tenths. */
    private static double charWidth(int c, double fontSize) {
        return c >= 0x2E80 ? fontSize : fontSize * 0.6;
    }

    private static String name(MapShape s, Words words) {
        String name = words.nameOf().apply(s.id(), s.name());
        return name == null ? "" : name;
    }

    private static String fill(StepState state) {
        return switch (state) {
            case CURRENT -> CURRENT_FILL;
            case PASSED -> PASSED_FILL;
            case NOT_REACHED -> "#fff";
        };
    }

    private static String stroke(StepState state) {
        return switch (state) {
            case CURRENT -> CURRENT_STROKE;
            case PASSED -> PASSED_STROKE;
            case NOT_REACHED -> PLAIN_STROKE;
        };
    }

    private static String strokeWidth(MapShape s) {
        double base = switch (s.state()) {
            case CURRENT -> 4;
            case PASSED -> 2;
            case NOT_REACHED -> 1.25;
        };
        return n(s.kind() == ShapeKind.END_EVENT ? base + 2 : base);
    }

    /** A coordinate as SVG wants it: no exponent, no trailing zeros. */
    static String n(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
