package cn.hardshiprelief.print;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a sheet's Thymeleaf template, the one the browser prints, as PDF (openhtmltopdf on PDFBox). The template
 * gets {@code pdf = true} to leave out what only a screen needs (the toolbar, links); it must be well-formed XHTML,
 * as openhtmltopdf parses it as XML.
 *
 * <p>openhtmltopdf draws only the fonts it is given (anything else comes out as '#'), and a server has no Chinese
 * fonts of its own: Noto Sans SC regular and bold come with the build (the {@code ph-fonts-noto-sans-sc} jar, SIL
 * Open Font License), are read once, and only the glyphs a sheet uses are embedded.
 */
@Component
public class PdfSheets {

    /** The family the sheets' CSS names first. */
    public static final String FONT_FAMILY = "Noto Sans SC";
    private static final String FONTS = "fonts/ttf/NotoSansSC/";

    private final ITemplateEngine templates;

    public PdfSheets(ITemplateEngine templates) {
        this.templates = templates;
        XRLog.setLoggerImpl(new PdfLog());
    }

    /** The template rendered with these variables in the reader's language, as a PDF document. */
    public byte[] render(String template, Map<String, Object> variables, Locale locale) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("pdf", true);
        String html = templates.process(template, new Context(locale, all));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(Fonts.REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(Fonts.BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(html, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + template + " as PDF", e);
        }
        return pdf.toByteArray();
    }

    /** The font files, read from the classpath the first time a sheet is printed (about 10 MB each). */
    private static final class Fonts {

        static final byte[] REGULAR = read("NotoSansSC-Regular.ttf");
        static final byte[] BOLD = read("NotoSansSC-Bold.ttf");

        private static byte[] read(String file) {
            try (InputStream in = PdfSheets.class.getClassLoader().getResourceAsStream(FONTS + file)) {
                if (in == null) {
                    throw new IllegalStateException("The font " + FONTS + file + " is not on the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
