package cn.hardshiprelief.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' view of the mail outbox (/admin/mail, administrators only by the security set-up): the mails
 * that failed after their last try, with the server's answer, and those still waiting; a failed one may be sent again.
 */
@Controller
public class MailOutboxController {

    static final int PAGE_SIZE = 50;

    private final MailOutbox outbox;

    public MailOutboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/mail")
    public String list(@RequestParam(defaultValue = "FAILED") OutgoingMail.Status status,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        int number = Math.min(Math.max(0, page), 1_000_000);
        model.addAttribute("status", status);
        model.addAttribute("statuses", OutgoingMail.Status.values());
        model.addAttribute("mails", outbox.list(status, number, PAGE_SIZE));
        model.addAttribute("page", number);
        model.addAttribute("mailEnabled", outbox.enabled());
        return "notification/mail";
    }

    @PostMapping("/admin/mail/retry")
    public String retry(@RequestParam long id, RedirectAttributes flash) {
        if (outbox.retry(id)) {
            flash.addFlashAttribute("success", "mail.retryQueued");
            flash.addFlashAttribute("successArg", id);
        } else {
            flash.addFlashAttribute("warning", "mail.notFailed");
            flash.addFlashAttribute("warningArg", id);
        }
        return "redirect:/admin/mail";
    }
}
