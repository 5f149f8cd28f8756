package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 撤回 and 取消 of an application, from its page. */
@Controller
class WithdrawalController {

    private final ApplicationWithdrawals withdrawals;

    WithdrawalController(ApplicationWithdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @PostMapping("/applications/{id}/withdraw")
    String withdraw(Actor actor, @PathVariable Long id, RedirectAttributes flash) {
        EnrollmentApplication application = withdrawals.withdraw(actor, id);
        flash.addFlashAttribute("success", "application.withdrawn");
        flash.addFlashAttribute("successArg", application.getApplicationNumber());
        return "redirect:/applications/" + id;
    }

    @PostMapping("/applications/{id}/cancel")
    String cancel(Actor actor, @PathVariable Long id, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes flash) {
        EnrollmentApplication application = withdrawals.cancel(actor, id, reason);
        flash.addFlashAttribute("success", "application.cancelled");
        flash.addFlashAttribute("successArg", application.getApplicationNumber());
        return "redirect:/applications/" + id;
    }
}
