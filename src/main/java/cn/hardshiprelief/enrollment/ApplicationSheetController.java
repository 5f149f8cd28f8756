package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.organization.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The application's 登记审批表 for paper: a print layout and the same as PDF. Both show personal data, so both are
 * logged like the application's page.
 */
@Controller
public class ApplicationSheetController {

    private final ApplicationSheets sheets;
    private final AccessLog accessLog;

    public ApplicationSheetController(ApplicationSheets sheets, AccessLog accessLog) {
        this.sheets = sheets;
        this.accessLog = accessLog;
    }

    @GetMapping("/applications/{id}/sheet")
    public String sheet(Actor actor, @PathVariable Long id, Model model, HttpServletRequest request) {
        ApplicationSheets.Sheet sheet = viewed(actor, id, request);
        model.addAttribute("sheet", sheet);
        model.addAttribute("pdf", false);
        return ApplicationSheets.TEMPLATE;
    }

    @GetMapping("/applications/{id}/sheet.pdf")
    public ResponseEntity<byte[]> pdf(Actor actor, @PathVariable Long id, Locale locale, HttpServletRequest request) {
        ApplicationSheets.Sheet sheet = viewed(actor, id, request);
        String number = sheet.app().getApplicationNumber() == null ? "draft-" + id : sheet.app().getApplicationNumber();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("登记审批表-" + number + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(sheets.pdf(sheet, locale));
    }

    private ApplicationSheets.Sheet viewed(Actor actor, Long id, HttpServletRequest request) {
        ApplicationSheets.Sheet sheet = sheets.sheet(actor, id);
        accessLog.record(actor.username(), AccessLogEntry.Kind.APPLICATION, sheet.app().getId(),
                sheet.app().getApplicationNumber(), request.getRemoteAddr());
        return sheet;
    }
}
