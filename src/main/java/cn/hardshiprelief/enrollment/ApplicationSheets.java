package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.print.PdfSheets;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The 困难职工登记审批表 of an application: the worker, the household's members, causes and incomes, and every review
 * step's opinion with who and when, for paper. Read through the same access rules as the application's page, with
 * identity numbers masked as the page masks them.
 */
@Service
public class ApplicationSheets {

    static final String TEMPLATE = "enrollment/sheet";

    private final ApplicationQueries queries;
    private final PdfSheets pdf;
    private final Clock clock;

    public ApplicationSheets(ApplicationQueries queries, PdfSheets pdf, Clock clock) {
        this.queries = queries;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** What the sheet shows: the application, the applicant's and the filer's names, and when it was printed. */
    public record Sheet(EnrollmentApplication app, String applicantName, String filedByName, Instant printedAt) {
    }

    public Sheet sheet(Actor actor, Long id) {
        EnrollmentApplication application = queries.view(actor, id);
        return new Sheet(application, queries.displayName(application.getApplicantUsername()),
                queries.displayName(application.getFiledByUsername()), clock.instant());
    }

    /** The sheet as PDF, in the reader's language. */
    public byte[] pdf(Sheet sheet, Locale locale) {
        return pdf.render(TEMPLATE, Map.of("sheet", sheet), locale);
    }
}
