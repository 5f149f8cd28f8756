package cn.hardshiprelief.verification;

import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.enrollment.IncompleteApplicationException;
import cn.hardshiprelief.task.InvalidFormException;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.storage.UploadRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 三查一访 page of an application on the union route. */
import java.util.Map;

@Controller
@RequestMapping("/applications/{id}/verification")
public class VerificationController {

    private final VerificationService verifications;
    private final Directory directory;
    private final AccessLog accessLog;

    public VerificationController(VerificationService verifications, Directory directory, AccessLog accessLog) {
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
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(verifications.view(actor, id), form, model);
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
            return render(verifications.view(actor, id), form, model);
        } catch (InvalidFormException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.getProblems());
            model.addAttribute("values", submitted);
            return render(verifications.view(actor, id), form, model);
        } catch (UploadRejectedException e) {
            // on the upload field, with everything else that was typed
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            errors.rejectValue("visitFiles", e.getMessageKey(), e.getArgs(), null);
            return render(verifications.view(actor, id), form, model);
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
