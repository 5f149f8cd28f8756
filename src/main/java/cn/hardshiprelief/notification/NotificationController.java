package cn.hardshiprelief.notification;

import cn.hardshiprelief.organization.Actor;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/**
 * The notification centre (/notifications): the person's notifications newest first, a page at a time; opening one
 * marks it read and follows its link; marking one or all read. Ids come as form fields: a malformed one is a bad
 * request (400), an unknown one not found (404), someone else's forbidden (403).
 */
@Controller
public class NotificationController {

    private final NotificationCentre centre;
    private final EmailPreferences preferences;

    public NotificationController(NotificationCentre centre, EmailPreferences preferences) {
        this.centre = centre;
        this.preferences = preferences;
    }

    @GetMapping("/notifications")
    public String list(Actor actor, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        model.addAttribute("notifications", centre.page(actor, page, locale));
        return "notification/list";
    }

    /** Marks the notification read and goes where it leads (the case or task page). */
    @PostMapping("/notifications/open")
    public String open(Actor actor, @RequestParam long id) {
        return "redirect:" + centre.markRead(actor, id);
    }

    @PostMapping("/notifications/read")
    public String read(Actor actor, @RequestParam long id, @RequestParam(defaultValue = "0") int page,
                       RedirectAttributes flash) {
        centre.markRead(actor, id);
        flash.addFlashAttribute("success", "notification.markedRead");
        return page > 0 ? "redirect:/notifications?page=" + page : "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    public String readAll(Actor actor, RedirectAttributes flash) {
        flash.addFlashAttribute("success", "notification.allMarkedRead");
        flash.addFlashAttribute("successArg", centre.markAllRead(actor));
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/settings")
    public String settings(Actor actor, Model model) {
        model.addAttribute("form", preferences.of(actor));
        model.addAttribute("mailEnabled", preferences.mailEnabled());
        return "notification/settings";
    }

    @PostMapping("/notifications/settings")
    public String saveSettings(Actor actor, @Valid @ModelAttribute("form") EmailPreferenceForm form, BindingResult errors,
                               Model model, RedirectAttributes flash, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("mailEnabled", preferences.mailEnabled());
            return "notification/settings";
        }
        preferences.choose(actor, form);
        flash.addFlashAttribute("success", "notification.settings.saved");
        return "redirect:/notifications/settings";
    }
}
