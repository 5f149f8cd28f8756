package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.Relation;

import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.diagram.CaseMaps;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.workbench.TaskOperations;
import cn.hardshiprelief.task.InvalidFormException;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.storage.EvidenceStorage;
import cn.hardshiprelief.storage.PendingUpload;
import cn.hardshiprelief.storage.PendingUploads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.DataIntegrityViolationException;
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
import java.util.UUID;
import java.util.Map;

/** Pages of the applicant: the application form, "my applications", one application, the confirmed list. */
@Controller
public class EnrollmentController {

    private final ApplicationQueries queries;
    private final ApplicationEditor editor;
    private final EnrollmentService enrollment;
    private final ApplicationFormValidator formValidator;
    private final EvidenceStorage storage;
    private final PendingUploads pendingUploads;
    private final AccessLog accessLog;
    private final TaskOperations operations;
    private final CaseMaps maps;

    public EnrollmentController(ApplicationQueries queries, ApplicationEditor editor, EnrollmentService enrollment,
                                ApplicationFormValidator formValidator, EvidenceStorage storage,
                                PendingUploads pendingUploads, AccessLog accessLog, TaskOperations operations,
                                CaseMaps maps) {
        this.operations = operations;
        this.pendingUploads = pendingUploads;
        this.queries = queries;
        this.editor = editor;
        this.enrollment = enrollment;
        this.formValidator = formValidator;
        this.storage = storage;
        this.accessLog = accessLog;
        this.maps = maps;
    }

    @GetMapping("/applications")
    public String mine(Actor actor, Model model) {
        model.addAttribute("applications", queries.mine(actor));
        return "enrollment/list";
    }

    /** The staff's list (申请一览): applications of their reach, in progress unless another status is asked for. */
    @GetMapping("/applications/all")
    public String inReach(Actor actor, @ModelAttribute("filter") ApplicationListFilter filter,
                          @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("applications", queries.inReach(actor, filter, page));
        model.addAttribute("statuses", ApplicationListFilter.listed());
        return "enrollment/all";
    }

    @GetMapping("/applications/new")
    public String newForm(Actor actor, Model model) {
        ApplicationForm form = new ApplicationForm();
        form.setRequestToken(UUID.randomUUID().toString());
        MemberForm self = new MemberForm();
        self.setRelation(Relation.SELF);
        form.getMembers().add(self);
        return showForm(actor, null, form, model);
    }

    @GetMapping("/applications/{id}/edit")
    public String editForm(Actor actor, @PathVariable Long id, Model model) {
        return showForm(actor, queries.editable(actor, id), queries.formOf(actor, id), model);
    }

    @PostMapping("/applications")
    public String create(Actor actor, @Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors,
                         @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes flash,
                         HttpServletResponse response) {
        return handle(actor, null, form, errors, action, Map.of(), model, flash, response);
    }

    @PostMapping("/applications/{id}")
    public String update(Actor actor, @PathVariable Long id, @Valid @ModelAttribute("form") ApplicationForm form,
                         BindingResult errors, @RequestParam(defaultValue = "save") String action,
                         @RequestParam Map<String, String> submitted, Model model,
                         RedirectAttributes flash, HttpServletResponse response) {
        return handle(actor, id, form, errors, action, submitted, model, flash, response);
    }

    /** {@code submitted}: the request's parameters, of which a resubmission answers the correction step's form. */
    private String handle(Actor actor, Long id, ApplicationForm form, BindingResult errors, String action,
                          Map<String, String> submitted, Model model, RedirectAttributes flash,
                          HttpServletResponse response) {
        EnrollmentApplication existing = id == null ? null : queries.editable(actor, id);
        if (action.equals("addMember")) {
            form.addMember();
            return showFormAgain(actor, existing, form, model);
        }
        if (action.startsWith("removeMember:")) {
            form.removeMember(parseIndex(action));
            return showFormAgain(actor, existing, form, model);
        }
        if (action.startsWith("discardUpload:")) {
            Long upload = (long) parseIndex(action);
            pendingUploads.discard(actor.username(), form.getRequestToken(), upload);
            form.getKeptUploads().remove(upload);
            return showFormAgain(actor, existing, form, model);
        }
        formValidator.validate(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("errorSummary", "form.hasErrors");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showFormAgain(actor, existing, form, model);
        }
        try {
            EnrollmentApplication saved = switch (action) {
                case "submit" -> enrollment.submit(actor, id, form);
                case "resubmit" -> enrollment.resubmit(actor, id, form, submitted);
                default -> editor.save(actor, id, form);
            };
            flash.addFlashAttribute("success", switch (action) {
                case "submit" -> "application.submitted";
                case "resubmit" -> "application.resubmitted";
                default -> "application.draftSaved";
            });
            return action.equals("save") ? "redirect:/applications/" + saved.getId() + "/edit"
                    : "redirect:/applications/" + saved.getId();
        } catch (AlreadySubmittedException e) {
            flash.addFlashAttribute("warning", "application.alreadySubmitted");
            flash.addFlashAttribute("warningArg", e.getArgs()[0]);
            return "redirect:/applications/" + e.getApplicationId();
        } catch (DataIntegrityViolationException e) {
            return queries.byRequestToken(actor, form.getRequestToken()).map(a -> {
                        flash.addFlashAttribute("warning", "application.alreadySubmitted");
                        flash.addFlashAttribute("warningArg", a.getApplicationNumber());
                        return "redirect:/applications/" + a.getId();
                    }).orElseThrow(() -> e);
        } catch (IncompleteApplicationException e) {
            model.addAttribute("missing", e.getMissing());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showFormAgain(actor, existing, form, model);
        } catch (BusinessException e) {
            if (e instanceof cn.hardshiprelief.shared.ForbiddenException || e instanceof cn.hardshiprelief.shared.NotFoundException) {
                throw e;
            }
            model.addAttribute("refusal", e);
            if (e instanceof InvalidFormException invalid) {
                model.addAttribute("problems", invalid.getProblems());
                model.addAttribute("values", submitted);
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showFormAgain(actor, existing, form, model);
        }
    }

    /**
     * The form once more, for this request did not save it: the files it brought are kept in storage as pending
     * uploads and shown as 已上传, so nobody chooses them again (saving the form claims them).
     */
    private String showFormAgain(Actor actor, EnrollmentApplication application, ApplicationForm form, Model model) {
        form.keptAs(pendingUploads.keep(actor.username(), form.getRequestToken(), form.uploadsByField()).stream()
                .map(PendingUpload::getId).toList());
        return showForm(actor, application, form, model);
    }

    private String showForm(Actor actor, EnrollmentApplication application, ApplicationForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("keptFiles", pendingUploads.named(actor.username(), form.getRequestToken(),
                form.getKeptUploads()));
        model.addAttribute("app", application);
        model.addAttribute("applicants", queries.applicantsFor(actor));
        model.addAttribute("actor", actor);
        if (application != null && application.getStatus() == ApplicationStatus.RETURNED) {
            enrollment.correctionForm(application).ifPresent(f -> model.addAttribute("correctionForm", f));
        }
        return "enrollment/form";
    }

    @GetMapping("/applications/{id}")
    public String show(Actor actor, @PathVariable Long id, Model model, HttpServletRequest request) {
        EnrollmentApplication application = queries.view(actor, id);
        accessLog.record(actor.username(), AccessLogEntry.Kind.APPLICATION, application.getId(),
                application.getApplicationNumber(), request.getRemoteAddr());
        model.addAttribute("app", application);
        model.addAttribute("applicantName", queries.displayName(application.getApplicantUsername()));
        model.addAttribute("filedByName", queries.displayName(application.getFiledByUsername()));
        model.addAttribute("canEdit", application.isEditable() && actor.username().equals(application.getFiledByUsername()));
        // 催办: the applicant or whoever filed it, while a reviewer holds it (the service checks again)
        model.addAttribute("canUrge", application.getStatus() == ApplicationStatus.IN_REVIEW
                && (actor.username().equals(application.getApplicantUsername())
                || actor.username().equals(application.getFiledByUsername())));
        boolean filer = actor.username().equals(application.getApplicantUsername())
                || actor.username().equals(application.getFiledByUsername());
        model.addAttribute("canWithdraw", filer && application.getStatus() == ApplicationStatus.IN_REVIEW);
        model.addAttribute("canCancel", filer && (application.getStatus() == ApplicationStatus.IN_REVIEW
                || application.getStatus() == ApplicationStatus.RETURNED));
        model.addAttribute("operations", operations.history(application.getProcessInstanceId()));
        model.addAttribute("caseMap", maps.of(application.getProcessInstanceId()).orElse(null));
        return "enrollment/detail";
    }

    /** Asks before a draft is deleted: the page says what goes with it (no script needed to confirm). */
    @GetMapping("/applications/{id}/delete")
    public String confirmDelete(Actor actor, @PathVariable Long id, Model model) {
        model.addAttribute("app", queries.deletable(actor, id));
        return "enrollment/delete";
    }

    @PostMapping("/applications/{id}/delete")
    public String delete(Actor actor, @PathVariable Long id, RedirectAttributes flash) {
        editor.deleteDraft(actor, id);
        flash.addFlashAttribute("success", "application.draftDeleted");
        return "redirect:/applications";
    }

    @PostMapping("/applications/{id}/evidence/{evidenceId}/delete")
    public String deleteEvidence(Actor actor, @PathVariable Long id, @PathVariable Long evidenceId,
                                 RedirectAttributes flash) {
        editor.removeEvidence(actor, id, evidenceId);
        flash.addFlashAttribute("success", "evidence.removed");
        return "redirect:/applications/" + id + "/edit";
    }

    @GetMapping("/applications/{id}/evidence/{evidenceId}")
    public ResponseEntity<InputStreamResource> evidence(Actor actor, @PathVariable Long id,
                                                        @PathVariable Long evidenceId, HttpServletRequest request)
            throws IOException {
        Evidence evidence = queries.evidence(actor, id, evidenceId);
        InputStreamResource content = new InputStreamResource(storage.open(evidence.getStorageKey()));
        accessLog.record(actor.username(), AccessLogEntry.Kind.EVIDENCE, evidence.getApplication().getId(),
                evidence.getApplication().getApplicationNumber() + " · " + evidence.getOriginalName(),
                request.getRemoteAddr());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.getContentType()))
                .contentLength(evidence.getSizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(evidence.getOriginalName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    @GetMapping("/confirmed")
    public String confirmed(Actor actor, Model model) {
        model.addAttribute("applications", queries.confirmed(actor));
        return "enrollment/confirmed";
    }

    private static int parseIndex(String action) {
        try {
            return Integer.parseInt(action.substring(action.indexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
