package cn.hardshiprelief.notice;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.task.InvalidFormException;
import cn.hardshiprelief.enrollment.ReviewService;
import cn.hardshiprelief.enrollment.ReviewView;
import cn.hardshiprelief.organization.Actor;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** The county union decides an objection to a public notice (task {@code decideObjection}). */
@Controller
@RequestMapping("/objections/{taskId}")
public class ObjectionController {

    private final ReviewService reviews;
    private final NoticeService notices;

    public ObjectionController(ReviewService reviews, NoticeService notices) {
        this.reviews = reviews;
        this.notices = notices;
    }

    @GetMapping
    public String show(Actor actor, @PathVariable String taskId, Model model) {
        return render(reviews.review(actor, taskId), model);
    }

    @PostMapping
    public String decide(Actor actor, @PathVariable String taskId, @RequestParam Map<String, String> submitted,
                         Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            EnrollmentApplication application = reviews.decideObjection(actor, taskId, submitted);
            flash.addFlashAttribute("success", "objection.decided." + submitted.get("objectionOutcome"));
            flash.addFlashAttribute("successArg", application.getApplicationNumber());
            return "redirect:/tasks";
        } catch (InvalidFormException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.getProblems());
            model.addAttribute("values", submitted);
            return render(reviews.review(actor, taskId), model);
        }
    }

    private String render(ReviewView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("app", view.application());
        model.addAttribute("applicantName", view.applicantName());
        model.addAttribute("objections", notices.objectionsOf(view.application().getId()));
        return "notice/objection";
    }
}
