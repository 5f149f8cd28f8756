package cn.hardshiprelief.notice;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators: the notices running now, and (with demo data) ending one at once. /admin/** is theirs alone. */
@Controller
@RequestMapping("/admin/notices")
class AdminNoticeController {

    private final NoticePeriodShortcut shortcut;

    AdminNoticeController(NoticePeriodShortcut shortcut) {
        this.shortcut = shortcut;
    }

    @GetMapping
    String running(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("notices", shortcut.running(actor, page));
        model.addAttribute("shortcut", shortcut.available());
        return "notice/admin";
    }

    @PostMapping("/{applicationId}/end")
    String endNow(Actor actor, @PathVariable Long applicationId, RedirectAttributes flash) {
        EnrollmentApplication application = shortcut.endNow(actor, applicationId);
        flash.addFlashAttribute(NoticePeriodShortcut.filed(application) ? "success" : "warning",
                NoticePeriodShortcut.filed(application) ? "notice.endNow.filed" : "notice.endNow.objectionPending");
        flash.addFlashAttribute(NoticePeriodShortcut.filed(application) ? "successArg" : "warningArg",
                application.getApplicationNumber());
        return "redirect:/admin/notices";
    }
}
