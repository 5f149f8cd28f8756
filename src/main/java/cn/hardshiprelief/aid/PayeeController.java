package cn.hardshiprelief.aid;

import cn.hardshiprelief.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 发放账户: the bank account a household's aid is paid to, recorded from the household's page. */
@Controller
class PayeeController {

    private final Beneficiaries beneficiaries;

    PayeeController(Beneficiaries beneficiaries) {
        this.beneficiaries = beneficiaries;
    }

    @PostMapping("/households/{id}/payee")
    String change(Actor actor, @PathVariable Long id, @RequestParam(required = false) String payeeAccount,
                  @RequestParam(required = false) String payeeBank, RedirectAttributes flash) {
        beneficiaries.changePayee(actor, id, payeeAccount, payeeBank);
        flash.addFlashAttribute("success", "aid.page.payeeChanged");
        return "redirect:/households/" + id;
    }
}
