package cn.hardshiprelief.campaign;

import cn.hardshiprelief.diagram.CaseMaps;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.task.InvalidFormException;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The pages of warmth campaigns (送温暖): the campaigns within reach; setting one up (filter, preview, take
 * households off, choose the fund, submit); and one campaign — the county union's approval, the payment's
 * progress, failed households, and the visits.
 */
@Controller
@RequestMapping("/campaigns")
public class CampaignController {

    /** Rows of the preview table; the counts and the total cover every household found. */
    static final int PREVIEW_ROWS = 500;

    private final Campaigns campaigns;
    private final CampaignConduct conduct;
    private final Directory directory;
    private final CaseMaps maps;

    public CampaignController(Campaigns campaigns, CampaignConduct conduct, Directory directory, CaseMaps maps) {
        this.campaigns = campaigns;
        this.conduct = conduct;
        this.directory = directory;
        this.maps = maps;
    }

    @GetMapping
    public String list(Actor actor, Model model) {
        model.addAttribute("rows", conduct.rows(campaigns.list(actor)));
        model.addAttribute("mayOrganise", campaigns.mayOrganise(actor));
        return "campaign/list";
    }

    @GetMapping("/new")
    public String setUp(Actor actor, Model model) {
        return setUpPage(actor, new CampaignForm(null, null, null, null, null, null, null), null, model);
    }

    @PostMapping("/preview")
    public String preview(Actor actor, @Valid @ModelAttribute("form") CampaignForm form, BindingResult errors,
                          Model model, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return setUpPageWith(errors, actor, form, model);
        }
        return setUpPage(actor, form, previewOf(actor, form), model);
    }

    @PostMapping
    public String submit(Actor actor, @Valid @ModelAttribute("form") CampaignForm form, BindingResult errors,
                         Model model, RedirectAttributes flash, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return setUpPageWith(errors, actor, form, model);
        }
        WarmthCampaign campaign;
        try {
            campaign = campaigns.submit(actor, form);
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            // the fund cannot carry the list, no fund chosen, nobody left on the list: the list again, and why
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", e);
            return setUpPage(actor, form, previewOf(actor, form), model);
        }
        flash.addFlashAttribute("success", "campaigns.submitted");
        flash.addFlashAttribute("successArg", campaign.getHouseholdCount());
        return "redirect:/campaigns/" + campaign.getId();
    }

    @GetMapping("/{id}")
    public String show(Actor actor, @PathVariable Long id, @RequestParam(defaultValue = "0") int page, Model model) {
        CampaignView view = conduct.view(actor, id, page);
        model.addAttribute("view", view);
        model.addAttribute("names", directory.displayNames(view.people()));
        model.addAttribute("caseMap", maps.of(view.campaign().getProcessInstanceId()).orElse(null));
        if (view.mayDecide()) {
            model.addAttribute("approvalForm", conduct.approvalForm(view.approvalTask()));
        }
        return "campaign/detail";
    }

    @PostMapping("/{id}/decision")
    public String decide(Actor actor, @PathVariable Long id, @RequestParam Map<String, String> submitted, Model model,
                         RedirectAttributes flash, HttpServletResponse response) {
        try {
            conduct.decide(actor, id, submitted);
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", e);
            model.addAttribute("values", submitted);
            if (e instanceof InvalidFormException invalid) {
                model.addAttribute("problems", invalid.getProblems());
            }
            return show(actor, id, 0, model);
        }
        flash.addFlashAttribute("success", "true".equals(submitted.get("approved")) ? "campaigns.approved" : "campaigns.rejected");
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/{id}/lines/{lineId}/removal")
    public String removeLine(Actor actor, @PathVariable Long id, @PathVariable Long lineId, RedirectAttributes flash) {
        conduct.removeLine(actor, id, lineId);
        flash.addFlashAttribute("success", "campaigns.lineRemoved");
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/{id}/retry")
    public String retryFailed(Actor actor, @PathVariable Long id, RedirectAttributes flash) {
        int batches = conduct.retryFailed(actor, id);
        flash.addFlashAttribute("success", batches == 0 ? "campaigns.nothingToRetry" : "campaigns.retried");
        flash.addFlashAttribute("successArg", batches);
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/{id}/visits")
    public String recordVisits(Actor actor, @PathVariable Long id,
                               @RequestParam(name = "lineIds", required = false) List<Long> lineIds,
                               @RequestParam(required = false) String note, @RequestParam(defaultValue = "0") int page,
                               Model model, RedirectAttributes flash, HttpServletResponse response) {
        int recorded;
        try {
            recorded = conduct.recordVisits(actor, id, lineIds, note);
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("visitRefusal", e);
            model.addAttribute("note", note);
            return show(actor, id, page, model);
        }
        flash.addFlashAttribute("success", "campaigns.visitsRecorded");
        flash.addFlashAttribute("successArg", recorded);
        return "redirect:/campaigns/" + id + (page > 0 ? "?page=" + page : "");
    }

    private CampaignPreview previewOf(Actor actor, CampaignForm form) {
        return CampaignPreview.of(campaigns.preview(actor, form), form.excluded(), PREVIEW_ROWS);
    }

    /**
     * The form again with its errors. A field of the wrong type leaves the record built without it,
     * and putting that record in the model would drop the binding result: it is put back after.
     */
    private String setUpPageWith(BindingResult errors, Actor actor, CampaignForm form, Model model) {
        String view = setUpPage(actor, form, null, model);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        return view;
    }

    private String setUpPage(Actor actor, CampaignForm form, CampaignPreview preview, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("funds", campaigns.fundsFor(actor));
        model.addAttribute("preview", preview);
        return "campaign/new";
    }
}
