package cn.hardshiprelief.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators see the locked accounts and addresses and unlock them (each unlock is logged). */
@Controller
@RequestMapping("/admin/logins")
class LoginLockController {

    private final LoginThrottles throttles;

    LoginLockController(LoginThrottles throttles) {
        this.throttles = throttles;
    }

    @GetMapping
    String locked(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("locks", throttles.locked(page));
        return "security/logins";
    }

    @PostMapping("/unlock")
    String unlock(@RequestParam String key, Authentication admin, RedirectAttributes flash) {
        throttles.unlock(key, admin.getName());
        flash.addFlashAttribute("success", "login.unlocked");
        return "redirect:/admin/logins";
    }
}
