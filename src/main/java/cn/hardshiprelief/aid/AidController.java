package cn.hardshiprelief.aid;

import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.diagram.CaseMaps;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.task.InvalidFormException;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.storage.EvidenceStorage;
import cn.hardshiprelief.storage.PendingUpload;
import cn.hardshiprelief.storage.PendingUploads;
import cn.hardshiprelief.storage.UploadType;
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
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The aid pages (帮扶救助): the grants within one's reach, the request form, one grant with its findings and
 * history, and the open step of its approval, payment or referral for whoever may act on it.
 */
@Controller
@RequestMapping("/aid")
public class AidController {

    private final AidPages pages;
    private final AidQueries queries;
    private final AidRequests requests;
    private final AidTasks tasks;
    private final EvidenceStorage storage;
    private final PendingUploads pendingUploads;
    private final Clock clock;
    private final AccessLog accessLog;
    private final CaseMaps maps;

    public AidController(AidPages pages, AidQueries queries, AidRequests requests, AidTasks tasks,
                         EvidenceStorage storage, PendingUploads pendingUploads, Clock clock, AccessLog accessLog,
                         CaseMaps maps) {
        this.pendingUploads = pendingUploads;
        this.pages = pages;
        this.queries = queries;
        this.requests = requests;
        this.tasks = tasks;
        this.storage = storage;
        this.clock = clock;
        this.accessLog = accessLog;
        this.maps = maps;
    }

    @GetMapping
    public String list(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("grants", queries.list(actor, page));
        return "aid/list";
    }

    /** Step one chooses the kind (and, for staff, whom the aid is for); step two is the kind's own form. */
    @GetMapping("/new")
    public String newRequest(Actor actor, @RequestParam(required = false) Long fileId,
                             @RequestParam(required = false) String worker, @RequestParam(required = false) AidKind kind,
                             Model model) {
        AidPages.RequestPage page = pages.requestPage(actor, fileId, worker);
        if (page.beneficiary() == null || kind == null || !page.offers(kind)) {
            model.addAttribute("page", page);
            model.addAttribute("worker", worker);
            return "aid/choose";
        }
        AidRequestForm form = new AidRequestForm(page.beneficiary().fileId(),
                page.beneficiary().fileId() == null ? page.beneficiary().username() : null, kind, null, null, null,
                page.funds().isEmpty() ? null : page.funds().get(0).getId(), null,
                page.beneficiary().payeeAccount(), page.beneficiary().payeeBank(), UUID.randomUUID().toString());
        return showForm(page, form, model);
    }

    @PostMapping
    public String request(Actor actor, @Valid @ModelAttribute("form") AidRequestForm form, BindingResult errors,
                          @RequestParam(required = false) MultipartFile proof,
                          @RequestParam(required = false) Long keptProof, @RequestParam(required = false) Long discardProof,
                          Model model, RedirectAttributes flash, HttpServletResponse response) {
        AidPages.RequestPage page = pages.requestPage(actor, form.fileId(), form.workerUsername());
        if (page.beneficiary() == null) {
            throw new BusinessException("aid.beneficiaryRequired");
        }
        if (discardProof != null) {
            pendingUploads.discard(actor.username(), form.requestToken(), discardProof);
            return showForm(page, form, model);
        }
        if (errors.hasErrors()) {
            model.addAttribute("errorSummary", "form.hasErrors");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            keepProof(actor, form, proof, keptProof, model);
            showForm(page, form, model);
            // after the model's form is replaced its binding result must follow, or the form forgets what was typed
            BindingResult typed = new BeanPropertyBindingResult(form, "form");
            typed.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", typed);
            return "aid/form";
        }
        Instant asked = clock.instant();
        AidGrant grant;
        try {
            grant = requests.request(actor, form, proof, keptProof);
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            model.addAttribute("refusal", e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            keepProof(actor, form, proof, keptProof, model);
            return showForm(page, form, model);
        }
        boolean again = grant.getRequestedAt().isBefore(asked);
        flash.addFlashAttribute(again ? "warning" : "success", again ? "aid.page.alreadyRequested" : "aid.page.requested");
        flash.addFlashAttribute(again ? "warningArg" : "successArg", grant.getGrantNumber());
        return "redirect:/aid/" + grant.getId();
    }

    @GetMapping("/{id}")
    public String show(Actor actor, @PathVariable Long id, Model model) {
        grantPage(actor, id, model);
        return "aid/detail";
    }

    @GetMapping("/{id}/proof")
    public ResponseEntity<InputStreamResource> proof(Actor actor, @PathVariable Long id, HttpServletRequest request)
            throws IOException {
        AidGrant grant = queries.grant(actor, id);
        if (grant.getProofKey() == null) {
            throw new NotFoundException("aid.page.noProof");
        }
        InputStreamResource content = new InputStreamResource(storage.open(grant.getProofKey()));
        accessLog.record(actor.username(), AccessLogEntry.Kind.AID_PROOF, grant.getId(),
                grant.getGrantNumber() + " · " + grant.getProofName(), request.getRemoteAddr());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(UploadType.valueOf(grant.getProofType()).contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(grant.getProofName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    @PostMapping("/{id}/decision")
    public String decide(Actor actor, @PathVariable Long id, @RequestParam Map<String, String> submitted, Model model,
                         RedirectAttributes flash, HttpServletResponse response) {
        try {
            tasks.decide(actor, id, submitted);
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            return refused(actor, id, e, submitted, model, response);
        }
        flash.addFlashAttribute("success", "true".equals(submitted.get("approved")) ? "aid.page.approved" : "aid.page.rejected");
        return "redirect:/aid/" + id;
    }

    @PostMapping("/{id}/outcome")
    public String recordOutcome(Actor actor, @PathVariable Long id, @RequestParam Map<String, String> submitted,
                                Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            tasks.recordOutcome(actor, id, submitted);
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            return refused(actor, id, e, submitted, model, response);
        }
        flash.addFlashAttribute("success", "aid.page.outcomeRecorded");
        return "redirect:/aid/" + id;
    }

    @PostMapping("/{id}/receipt")
    public String confirmReceipt(Actor actor, @PathVariable Long id, @RequestParam Map<String, String> submitted,
                                 Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            tasks.confirmReceipt(actor, id, submitted);
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            return refused(actor, id, e, submitted, model, response);
        }
        flash.addFlashAttribute("success", "aid.page.receiptConfirmed");
        return "redirect:/aid/" + id;
    }

    @PostMapping("/{id}/failed-payment")
    public String resolveFailedPayment(Actor actor, @PathVariable Long id, @RequestParam Map<String, String> submitted,
                                       Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            tasks.resolveFailedPayment(actor, id, submitted, submitted.get("payeeAccount"), submitted.get("payeeBank"));
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            return refused(actor, id, e, submitted, model, response);
        }
        flash.addFlashAttribute("success", "true".equals(submitted.get("retryPayment")) ? "aid.page.retried" : "aid.page.cancelled");
        return "redirect:/aid/" + id;
    }

    /**
     * A refused request keeps its proof: a newly chosen file is stored as a pending upload (replacing one kept
     * before), else the one kept before stays; the form shows it as 已上传 and sends its id back.
     */
    private void keepProof(Actor actor, AidRequestForm form, MultipartFile proof, Long keptProof, Model model) {
        List<PendingUpload> kept = pendingUploads.keep(actor.username(), form.requestToken(),
                Map.of("proof", proof == null || proof.isEmpty() ? List.of() : List.of(proof)));
        if (!kept.isEmpty() && keptProof != null) {
            pendingUploads.discard(actor.username(), form.requestToken(), keptProof);
        }
        List<PendingUpload> shown = !kept.isEmpty() ? kept
                : pendingUploads.named(actor.username(), form.requestToken(), keptProof == null ? List.of() : List.of(keptProof));
        model.addAttribute("keptFiles", shown);
    }

    private String showForm(AidPages.RequestPage page, AidRequestForm form, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("option", page.option(form.kind()).orElse(null));
        model.addAttribute("form", form);
        return "aid/form";
    }

    /** The grant, read within the actor's reach, and its map. */
    private void grantPage(Actor actor, Long id, Model model) {
        AidPages.GrantPage page = pages.grantPage(actor, id);
        model.addAttribute("page", page);
        model.addAttribute("caseMap", maps.of(page.grant().getProcessInstanceId()).orElse(null));
        // 催办: the requester or the recipient, while a step waits (the workbench checks again, once a day per case)
        model.addAttribute("canUrge", page.openStep() != null
                && (actor.username().equals(page.grant().getRequestedBy())
                || actor.username().equals(page.grant().getBeneficiaryUsername())));
    }

    /** The grant's page again with the reason and what was typed. */
    private String refused(Actor actor, Long id, BusinessException e, Map<String, String> typed, Model model,
                           HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        grantPage(actor, id, model);
        model.addAttribute("refusal", e);
        model.addAttribute("typed", typed);
        if (e instanceof InvalidFormException invalid) {
            model.addAttribute("problems", invalid.getProblems());
        }
        return "aid/detail";
    }
}
