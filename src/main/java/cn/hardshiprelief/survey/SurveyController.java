package cn.hardshiprelief.survey;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.task.InvalidFormException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** The survey page (年度摸底): progress per branch union, files to look at, the yearly exit target; a branch union submits here. */
@Controller
public class SurveyController {

    private final SurveyProgress progress;
    private final SurveyService surveys;
    private final SurveyOpening opening;

    public SurveyController(SurveyProgress progress, SurveyService surveys, SurveyOpening opening) {
        this.progress = progress;
        this.surveys = surveys;
        this.opening = opening;
    }

    /** An administrator opens this year's survey when its date has passed without one; a second click opens nothing. */
    @PostMapping("/surveys/this-year")
    public String openThisYear(Actor actor, RedirectAttributes flash) {
        SurveyOpening.Opening result = opening.openThisYear(actor);
        flash.addFlashAttribute(result.openedNow() ? "success" : "warning",
                result.openedNow() ? "survey.openByHand.opened" : "survey.openByHand.alreadyOpen");
        flash.addFlashAttribute(result.openedNow() ? "successArg" : "warningArg", result.year());
        return "redirect:/surveys?year=" + result.year();
    }

    @GetMapping("/surveys")
    public String show(Actor actor, @RequestParam(required = false) Integer year, Model model) {
        SurveyPage page = progress.page(actor, year);
        model.addAttribute("page", page);
        if (page.maySubmit()) {
            surveys.form(actor, page.survey().getYear()).ifPresent(form -> model.addAttribute("surveyForm", form));
        }
        return "survey/progress";
    }

    @PostMapping("/surveys/{year}/submission")
    public String submit(Actor actor, @PathVariable int year, @RequestParam Map<String, String> submitted,
                         Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            surveys.submit(actor, year, submitted);
        } catch (InvalidFormException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.getProblems());
            model.addAttribute("values", submitted);
            return show(actor, year, model);
        }
        flash.addFlashAttribute("success", "survey.submittedFlash");
        flash.addFlashAttribute("successArg", year);
        return "redirect:/surveys?year=" + year;
    }
}
