package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Locale;

/** 银行批次: export the day's payments of a fund, download a batch file again, upload the bank's result. */
@Controller
public class BankBatchController {

    private final BankBatches batches;
    private final BankResults results;
    private final MessageSource messages;
    private final AccessLog accessLog;

    public BankBatchController(BankBatches batches, BankResults results, MessageSource messages, AccessLog accessLog) {
        this.batches = batches;
        this.results = results;
        this.messages = messages;
        this.accessLog = accessLog;
    }

    @PostMapping("/funds/{fundId:\\d+}/bank-batches")
    public String export(Actor actor, @PathVariable Long fundId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                         RedirectAttributes flash) {
        try {
            BankBatch batch = batches.export(actor, fundId, day);
            flash.addFlashAttribute("success", "bankBatch.exported");
            flash.addFlashAttribute("successArg", batch.getBatchNumber());
            return "redirect:/bank-batches/" + batch.getId();
        } catch (NothingToExportException e) {
            flash.addFlashAttribute("warning", e.getMessageKey());
            flash.addFlashAttribute("warningArg", e.getArgs()[0]);
            return "redirect:/funds/" + fundId;
        }
    }

    @GetMapping("/bank-batches/{id:\\d+}")
    public String show(Actor actor, @PathVariable Long id, Model model) {
        model.addAttribute("view", batches.view(actor, id));
        return "disbursement/batch";
    }

    @GetMapping("/bank-batches/{id:\\d+}.xlsx")
    public ResponseEntity<byte[]> download(Actor actor, @PathVariable Long id, HttpServletRequest request) {
        XlsxFile file = batches.file(actor, id);
        // the one export with full account numbers (the ledgers mask them): logged like a file view
        accessLog.record(actor.username(), AccessLogEntry.Kind.BANK_BATCH_FILE, id, file.fileName(),
                request.getRemoteAddr());
        return Downloads.of(file);
    }

    @PostMapping("/bank-batches/{id:\\d+}/result")
    public String importResult(Actor actor, @PathVariable Long id,
                               @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                               RedirectAttributes flash, HttpServletResponse response, Locale locale) {
        try {
            flash.addFlashAttribute("resultSummary", results.importResult(actor, id, file));
            flash.addFlashAttribute("success", "bankBatch.result.imported");
            return "redirect:/bank-batches/" + id;
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", messages.getMessage(e.getMessageKey(), e.getArgs(), e.getMessageKey(), locale));
            model.addAttribute("view", batches.view(actor, id));
            return "disbursement/batch";
        }
    }
}
