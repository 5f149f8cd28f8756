package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.task.InvalidFormException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** The reviewer's pages: inbox (待办), done list (已办), and the review page of one task. */
@Controller
public class ReviewController {

    private final ReviewService reviews;
    private final ApplicationQueries queries;
    private final AccessLog accessLog;

    public ReviewController(ReviewService reviews, ApplicationQueries queries, AccessLog accessLog) {
        this.reviews = reviews;
        this.queries = queries;
        this.accessLog = accessLog;
    }

    @GetMapping("/tasks/{taskId}")
    public String review(Actor actor, @PathVariable String taskId, Model model, HttpServletRequest request) {
        ReviewView view = reviews.review(actor, taskId);
        accessLog.record(actor.username(), AccessLogEntry.Kind.REVIEW_TASK, view.application().getId(),
                view.application().getApplicationNumber(), request.getRemoteAddr());
        return show(view, model);
    }

    @PostMapping("/tasks/{taskId}")
    public String decide(Actor actor, @PathVariable String taskId, @RequestParam Map<String, String> submitted,
                         Model model, RedirectAttributes flash, jakarta.servlet.http.HttpServletResponse response) {
        try {
            EnrollmentApplication application = reviews.decide(actor, taskId, submitted);
            flash.addFlashAttribute("success", "review.decided." + submitted.get("decision"));
            flash.addFlashAttribute("successArg", application.getApplicationNumber());
            return "redirect:/tasks";
        } catch (InvalidFormException e) {
            response.setStatus(400);
            model.addAttribute("problems", e.getProblems());
            model.addAttribute("values", submitted);
            return show(reviews.review(actor, taskId), model);
        }
    }

    private String show(ReviewView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("app", view.application());
        model.addAttribute("applicantName", view.applicantName());
        return "tasks/review";
    }
}
