package cn.hardshiprelief.household;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.task.InvalidFormException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** The re-check page of a file (复核) and change reports (情况变化). */
@Controller
@RequestMapping("/households/{id}")
public class FollowUpController {

    private final Rechecks rechecks;
    private final FollowUpTasks steps;
    private final ChangeReports changes;
    private final HouseholdQueries households;
    private final RecheckFormValidator recheckValidator;
    private final IncomeCorrections corrections;

    public FollowUpController(Rechecks rechecks, FollowUpTasks steps, ChangeReports changes, HouseholdQueries households,
                              RecheckFormValidator recheckValidator, IncomeCorrections corrections) {
        this.rechecks = rechecks;
        this.steps = steps;
        this.changes = changes;
        this.households = households;
        this.recheckValidator = recheckValidator;
        this.corrections = corrections;
    }

    @GetMapping("/recheck")
    public String show(Actor actor, @PathVariable Long id, Model model) {
        return render(rechecks.recheckView(actor, id), rechecks.newRecheckForm(actor, id), model);
    }

    @PostMapping("/recheck")
    public String record(Actor actor, @PathVariable Long id, @Valid @ModelAttribute("form") RecheckForm form,
                         BindingResult errors, @RequestParam Map<String, String> submitted, Model model,
                         RedirectAttributes flash, HttpServletResponse response) {
        recheckValidator.validate(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("errorSummary", "form.hasErrors");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(rechecks.recheckView(actor, id), form, model);
        }
        try {
            rechecks.recordRecheck(actor, id, form, submitted);
        } catch (ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            if (e instanceof cn.hardshiprelief.shared.ForbiddenException || e instanceof cn.hardshiprelief.shared.NotFoundException) {
                throw e;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", e);
            if (e instanceof InvalidFormException invalid) {
                model.addAttribute("problems", invalid.getProblems());
                model.addAttribute("values", submitted);
            }
            return render(rechecks.recheckView(actor, id), form, model);
        }
        flash.addFlashAttribute("success", "recheck.recorded");
        return "redirect:/households/" + id;
    }

    @PostMapping("/changes")
    public String reportChange(Actor actor, @PathVariable Long id, @RequestParam(required = false) String reason,
                               Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            changes.reportChange(actor, id, reason);
        } catch (ConflictException | cn.hardshiprelief.shared.ForbiddenException | cn.hardshiprelief.shared.NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            // the household's page again, with why and what was typed
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("changeRefusal", e);
            model.addAttribute("changeReason", reason);
            return HouseholdController.page(households, actor, id, model);
        }
        flash.addFlashAttribute("success", "change.reported");
        return "redirect:/households/" + id;
    }

    /** 收入更正: a recorded month's income corrected with a reason; a refusal shows the page again with what was typed. */
    @PostMapping("/incomes/{recordId}/correction")
    public String correctIncome(Actor actor, @PathVariable Long id, @PathVariable Long recordId,
                                @RequestParam(required = false) String householdIncome,
                                @RequestParam(required = false) String memberCount,
                                @RequestParam(required = false) String reason, Model model, RedirectAttributes flash,
                                HttpServletResponse response) {
        IncomeCorrectionForm form = new IncomeCorrectionForm(householdIncome, memberCount, reason);
        IncomeCorrection correction;
        try {
            correction = corrections.correct(actor, id, recordId, form);
        } catch (ConflictException | cn.hardshiprelief.shared.ForbiddenException | cn.hardshiprelief.shared.NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("correctionRefusal", e);
            model.addAttribute("correctionRecordId", recordId);
            model.addAttribute("correction", form);
            return HouseholdController.page(households, actor, id, model);
        }
        flash.addFlashAttribute("success", "income.corrected");
        flash.addFlashAttribute("successArg", correction.month().toString());
        return "redirect:/households/" + id + "#incomes";
    }

    @GetMapping("/exit/{taskId}")
    public String exitPage(Actor actor, @PathVariable Long id, @PathVariable String taskId, Model model) {
        return stepPage(actor, id, taskId, "confirmExit", "household/exit", model);
    }

    @PostMapping("/exit/{taskId}")
    public String decideExit(Actor actor, @PathVariable Long id, @PathVariable String taskId,
                             @RequestParam Map<String, String> submitted, Model model, RedirectAttributes flash,
                             HttpServletResponse response) {
        try {
            steps.decideExit(actor, id, taskId, submitted);
        } catch (InvalidFormException e) {
            return refused(actor, id, taskId, "confirmExit", "household/exit", submitted, e, model, response);
        }
        flash.addFlashAttribute("success", "exit.decided." + submitted.get("exitDecision"));
        return "redirect:/tasks";
    }

    @GetMapping("/watch/{taskId}")
    public String watchPage(Actor actor, @PathVariable Long id, @PathVariable String taskId, Model model) {
        return stepPage(actor, id, taskId, "watchRecheck", "household/watch", model);
    }

    @PostMapping("/watch/{taskId}")
    public String recordWatch(Actor actor, @PathVariable Long id, @PathVariable String taskId,
                              @RequestParam Map<String, String> submitted, Model model, RedirectAttributes flash,
                              HttpServletResponse response) {
        try {
            steps.recordWatchVisit(actor, id, taskId, submitted);
        } catch (InvalidFormException e) {
            return refused(actor, id, taskId, "watchRecheck", "household/watch", submitted, e, model, response);
        }
        flash.addFlashAttribute("success", "yes".equals(submitted.get("relapsedChoice")) ? "watch.relapsed" : "watch.stable");
        return "redirect:/tasks";
    }

    /** The page of one of the file's steps, with the step's Camunda Form. */
    private String stepPage(Actor actor, Long id, String taskId, String stepId, String template, Model model) {
        Rechecks.RecheckView view = rechecks.recheckView(actor, id);
        model.addAttribute("view", view);
        model.addAttribute("file", view.file());
        model.addAttribute("taskId", taskId);
        model.addAttribute("stepForm", steps.form(id, stepId));
        return template;
    }

    private String refused(Actor actor, Long id, String taskId, String stepId, String template,
                           Map<String, String> submitted, InvalidFormException e, Model model,
                           HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problems", e.getProblems());
        model.addAttribute("values", submitted);
        return stepPage(actor, id, taskId, stepId, template, model);
    }

    @PostMapping("/cancel")
    public String cancel(Actor actor, @PathVariable Long id, @RequestParam(required = false) CancelReason reason,
                         @RequestParam(required = false) String note, RedirectAttributes flash) {
        changes.cancel(actor, id, reason, note);
        flash.addFlashAttribute("success", "cancel.done");
        return "redirect:/households/" + id;
    }

    private String render(Rechecks.RecheckView view, RecheckForm form, Model model) {
        // the members' names come from the file, whatever was posted
        form.getMembers().stream().filter(java.util.Objects::nonNull).forEach(entry -> entry.setName(
                view.file().member(entry.getMemberId()).map(HouseholdFileMember::getName).orElse(null)));
        model.addAttribute("view", view);
        model.addAttribute("file", view.file());
        model.addAttribute("form", form);
        model.addAttribute("stepForm", steps.form(view.file().getId(), FollowUpProcess.RECHECK_TASK));
        return "household/recheck";
    }
}
