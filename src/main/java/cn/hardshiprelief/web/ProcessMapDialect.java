package cn.hardshiprelief.web;

import cn.hardshiprelief.diagram.MapShape;
import cn.hardshiprelief.diagram.MapStep;
import cn.hardshiprelief.diagram.ProcessMap;
import cn.hardshiprelief.diagram.ProcessMapSvg;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Locale;
import java.util.Set;

/**
 * Puts {@code #processMaps} in every template: {@code #processMaps.svg(map)} draws a case's map as inline SVG in
 * the page's language. Element names are the BPMN's own (Chinese, as the Modeler shows them); in another language
 * a step's name comes from {@code step.<id>} where the messages have one.
 */
@Component
class ProcessMapDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "processMaps";

    private final MessageSource messages;

    ProcessMapDialect(MessageSource messages) {
        super("ProcessMaps");
        this.messages = messages;
    }

    /** The expression object: drawing in one locale. */
    public static final class Drawing {

        private final MessageSource messages;
        private final Locale locale;

        Drawing(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        public String svg(ProcessMap map) {
            if (map == null) {
                return "";
            }
            return ProcessMapSvg.render(map, new ProcessMapSvg.Words(
                    messages.getMessage("map.title", new Object[]{map.processName()}, locale),
                    messages.getMessage("map.state.CURRENT", null, locale),
                    messages.getMessage("map.state.PASSED", null, locale),
                    messages.getMessage("map.state.NOT_REACHED", null, locale),
                    messages.getMessage("map.badge", null, locale),
                    this::elementName));
        }

        public String name(MapShape shape) {
            return elementName(shape.id(), shape.name());
        }

        public String stepName(MapStep step) {
            return elementName(step.elementId(), step.name());
        }

        private String elementName(String id, String bpmnName) {
            String name = bpmnName == null ? "" : bpmnName;
            return "zh".equals(locale.getLanguage()) ? name : messages.getMessage("step." + id, null, name, locale);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? new Drawing(messages, context.getLocale()) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
