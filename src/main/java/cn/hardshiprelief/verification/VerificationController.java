package cn.hardshiprelief.verification;

import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.enrollment.IncompleteApplicationException;
import cn.hardshiprelief.task.InvalidFormException;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.storage.EvidenceStorage;
import cn.hardshiprelief.storage.PendingUpload;
import cn.hardshiprelief.storage.PendingUploads;
import cn.hardshiprelief.storage.UploadRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The 三查一访 page of an application on the union route. */
@Controller
@RequestMapping("/applications/{id}/verification")
public class VerificationController {

    private final VerificationService verifications;
    private final Directory directory;
    private final AccessLog accessLog;
    private final PendingUploads pendingUploads;
    private final EvidenceStorage storage;

    public VerificationController(VerificationService verifications, Directory directory, AccessLog accessLog,
                                  PendingUploads pendingUploads, EvidenceStorage storage) {
        this.pendingUploads = pendingUploads;
        this.storage = storage;
        this.verifications = verifications;
        this.directory = directory;
        this.accessLog = accessLog;
    }

    @GetMapping
    public String show(Actor actor, @PathVariable Long id, Model model, HttpServletRequest request) {
        VerificationView view = verifications.view(actor, id);
        accessLog.record(actor.username(), AccessLogEntry.Kind.VERIFICATION, view.application().getId(),
                view.application().getApplicationNumber(), request.getRemoteAddr());
        return render(view, VerificationForm.of(view.verification()), model);
    }

    @PostMapping
    public String record(Actor actor, @PathVariable Long id, @Valid @ModelAttribute("form") VerificationForm form,
                         BindingResult errors, @RequestParam(defaultValue = "save") String action,
                         @RequestParam Map<String, String> submitted, Model model,
                         RedirectAttributes flash, HttpServletResponse response) {
        if (action.startsWith("discardUpload:")) {
            Long upload = parseId(action);
            pendingUploads.discard(actor.username(), VerificationService.formToken(id), upload);
            form.getKeptUploads().remove(upload);
            return renderAgain(actor, id, form, model);
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return renderAgain(actor, id, form, model);
        }
        try {
            if ("complete".equals(action)) {
                verifications.complete(actor, id, form, submitted);
                flash.addFlashAttribute("success", "verification.completed");
                return "redirect:/tasks";
            }
            verifications.save(actor, id, form);
            flash.addFlashAttribute("success", "verification.saved");
            return "redirect:/applications/" + id + "/verification";
        } catch (IncompleteApplicationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("missing", e.getMissing());
            return renderAgain(actor, id, form, model);
        } catch (InvalidFormException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.getProblems());
            model.addAttribute("values", submitted);
            return renderAgain(actor, id, form, model);
        } catch (UploadRejectedException e) {
            // on the upload field, with everything else that was typed
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            errors.rejectValue("visitFiles", e.getMessageKey(), e.getArgs(), null);
            return renderAgain(actor, id, form, model);
        }
    }

    /** A visit photo or document, inline (previewed on the page), to whoever may see the record. */
    @GetMapping("/documents/{documentId}")
    public ResponseEntity<InputStreamResource> document(Actor actor, @PathVariable Long id, @PathVariable Long documentId,
                                                        HttpServletRequest request) throws IOException {
        VerificationDocument document = verifications.document(actor, id, documentId);
        InputStreamResource content = new InputStreamResource(storage.open(document.getStorageKey()));
        accessLog.record(actor.username(), AccessLogEntry.Kind.EVIDENCE, id,
                "三查一访 · " + document.getOriginalName(), request.getRemoteAddr());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getContentType()))
                .contentLength(document.getSizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.getOriginalName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /**
     * The form once more: the files of this request are kept in storage as pending uploads and shown as 已上传,
     * so the caseworker does not choose the visit's photos again.
     */
    private String renderAgain(Actor actor, Long id, VerificationForm form, Model model) {
        if (form.getVisitFiles() != null) {
            form.keptAs(pendingUploads.keep(actor.username(), VerificationService.formToken(id),
                    Map.of("visitFiles", form.uploads())).stream().map(PendingUpload::getId).toList());
        }
        return render(verifications.view(actor, id), form, model, actor);
    }

    private String render(VerificationView view, VerificationForm form, Model model, Actor actor) {
        model.addAttribute("keptFiles", pendingUploads.named(actor.username(),
                VerificationService.formToken(view.application().getId()), form.getKeptUploads()));
        return render(view, form, model);
    }

    private static Long parseId(String action) {
        try {
            return Long.valueOf(action.substring(action.indexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private String render(VerificationView view, VerificationForm form, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("app", view.application());
        model.addAttribute("applicantName", directory.displayName(view.application().getApplicantUsername()));
        model.addAttribute("form", form);
        return "verification/verification";
    }
}
