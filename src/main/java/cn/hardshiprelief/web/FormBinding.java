package cn.hardshiprelief.web;

import cn.hardshiprelief.shared.PlainText;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;

/**
 * How every request binds. A list grows to at most {@value #MAX_ROWS} rows (no form of ours has
 * more; a higher or negative row number is refused by {@link ErrorPages}, not allocated), and no
 * text may hold control characters other than line breaks and tabs: such a value is a type
 * mismatch on its field, shown on the form with the rest of what was typed.
 */
@ControllerAdvice
public class FormBinding {

    static final int MAX_ROWS = 64;

    @InitBinder
    void bind(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_ROWS);
        binder.registerCustomEditor(String.class, new PlainTextEditor());
    }

    static final class PlainTextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (!PlainText.isPlain(text)) {
                throw new IllegalArgumentException("control characters in text");
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
