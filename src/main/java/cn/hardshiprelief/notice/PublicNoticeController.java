package cn.hardshiprelief.notice;

import cn.hardshiprelief.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public notice of a unit (no login): masked households on notice, and the objection form. */
@Controller
@RequestMapping("/public/notices/{unitCode}")
public class PublicNoticeController {

    private final NoticeService notices;

    public PublicNoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @GetMapping
    public String show(@PathVariable String unitCode, Model model) {
        model.addAttribute("page", notices.openAt(unitCode));
        if (!model.containsAttribute("objection")) {
            model.addAttribute("objection", new ObjectionForm("", ""));
        }
        return "notice/public";
    }

    @PostMapping("/{noticeId}/objections")
    public String object(@PathVariable String unitCode, @PathVariable Long noticeId,
                         @Valid @ModelAttribute("objection") ObjectionForm form, BindingResult errors,
                         HttpServletRequest request, HttpServletResponse response, Model model,
                         RedirectAttributes flash) {
        if (errors.hasErrors()) {
            NoticeService.PublicNotices page = notices.openAt(unitCode);
            if (page.notices().stream().noneMatch(n -> n.getId().equals(noticeId))) {
                // no open notice to show the reasons next to: say so, not a page without a message
                throw new cn.hardshiprelief.shared.NotFoundException("notice.notFound");
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("failedNoticeId", noticeId);
            model.addAttribute("page", page);
            return "notice/public";
        }
        try {
            notices.object(unitCode, noticeId, form, request.getRemoteAddr());
        } catch (BusinessException e) {
            if (e instanceof cn.hardshiprelief.shared.NotFoundException) {
                throw e;
            }
            response.setStatus("objection.tooMany".equals(e.getMessageKey()) ? 429 : HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", e.getMessageKey());
            model.addAttribute("failedNoticeId", noticeId);
            model.addAttribute("page", notices.openAt(unitCode));
            return "notice/public";
        }
        flash.addFlashAttribute("success", "objection.received");
        return "redirect:/public/notices/" + unitCode;
    }
}
