package cn.hardshiprelief.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A PDF as a reader sees it: its text (PDFTextStripper, which reads the fonts' Unicode maps), the fonts it embeds,
 * and its first page drawn at 100 dpi (PDFRenderer), where the title's glyphs can be counted as ink.
 */
public final class PdfPages {

    private static final float DPI = 100;
    /** The band of an A4 page where a sheet's title stands, in points from the top left: below the top margin. */
    private static final float TITLE_TOP = 28, TITLE_BOTTOM = 92, TITLE_LEFT = 100, TITLE_RIGHT = 495;

    private final String text;
    private final Set<String> fontNames;
    private final BufferedImage firstPage;

    private PdfPages(String text, Set<String> fontNames, BufferedImage firstPage) {
        this.text = text;
        this.fontNames = fontNames;
        this.firstPage = firstPage;
    }

    public static PdfPages of(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Set<String> fonts = new LinkedHashSet<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name).getName());
                }
            }
            return new PdfPages(new PDFTextStripper().getText(document), fonts,
                    new PDFRenderer(document).renderImageWithDPI(0, DPI));
        }
    }

    public String text() {
        return text;
    }

    public Set<String> fontNames() {
        return fontNames;
    }

    /** Pixels darker than mid-grey in the title's band of the first page. */
    public int darkPixelsInTitleArea() {
        int dark = 0;
        for (int y = px(TITLE_TOP); y < px(TITLE_BOTTOM); y++) {
            for (int x = px(TITLE_LEFT); x < px(TITLE_RIGHT); x++) {
                int rgb = firstPage.getRGB(x, y);
                int luminance = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                if (luminance < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    public int titleAreaSize() {
        return (px(TITLE_BOTTOM) - px(TITLE_TOP)) * (px(TITLE_RIGHT) - px(TITLE_LEFT));
    }

    private static int px(float points) {
        return Math.round(points * DPI / 72);
    }
}
