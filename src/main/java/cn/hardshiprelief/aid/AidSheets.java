package cn.hardshiprelief.aid;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.print.PdfSheets;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * An aid grant's 救助审批单 for paper: whom it is for, what and how much, the fund, the payee account masked as on
 * the grant's page, and every step with its opinion, who and when. Read within the actor's reach like the page.
 */
@Service
public class AidSheets {

    static final String TEMPLATE = "aid/sheet";

    private final AidPages pages;
    private final PdfSheets pdf;
    private final Clock clock;

    public AidSheets(AidPages pages, PdfSheets pdf, Clock clock) {
        this.pages = pages;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** What the sheet shows: the grant as its page reads it, and when it was printed. */
    public record Sheet(AidPages.GrantPage page, Instant printedAt) {

        public AidGrant grant() {
            return page.grant();
        }
    }

    public Sheet sheet(Actor actor, Long id) {
        return new Sheet(pages.grantPage(actor, id), clock.instant());
    }

    /** The sheet as PDF, in the reader's language. */
    public byte[] pdf(Sheet sheet, Locale locale) {
        return pdf.render(TEMPLATE, Map.of("sheet", sheet), locale);
    }
}
