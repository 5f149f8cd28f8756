package cn.hardshiprelief.aid;

import cn.hardshiprelief.organization.Actor;
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

/** An aid grant's 审批单 for paper: a print layout and the same as PDF, for whoever may read the grant. */
@Controller
public class AidSheetController {

    private final AidSheets sheets;

    public AidSheetController(AidSheets sheets) {
        this.sheets = sheets;
    }

    @GetMapping("/aid/{id}/sheet")
    public String sheet(Actor actor, @PathVariable Long id, Model model) {
        model.addAttribute("sheet", sheets.sheet(actor, id));
        model.addAttribute("pdf", false);
        return AidSheets.TEMPLATE;
    }

    @GetMapping("/aid/{id}/sheet.pdf")
    public ResponseEntity<byte[]> pdf(Actor actor, @PathVariable Long id, Locale locale) {
        AidSheets.Sheet sheet = sheets.sheet(actor, id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("救助审批单-" + sheet.grant().getGrantNumber() + ".pdf", StandardCharsets.UTF_8)
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(sheets.pdf(sheet, locale));
    }
}
