package cn.hardshiprelief.audit;

import cn.hardshiprelief.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators search the access log (the security chain keeps /admin/** to them; the service checks again). */
@Controller
@RequestMapping("/admin/access-log")
class AccessLogController {

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping
    String search(Actor actor, @ModelAttribute("filters") AccessSearch search,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("accesses", accessLog.search(actor, search, page));
        model.addAttribute("search", accessLog.bounded(search));
        model.addAttribute("kinds", AccessLogEntry.Kind.values());
        return "audit/search";
    }
}
