package cn.hardshiprelief.aid;

import cn.hardshiprelief.household.HouseholdController;
import cn.hardshiprelief.household.HouseholdQueries;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 发放账户: the bank account a household's aid is paid to, recorded from the household's page. */
@Controller
class PayeeController {

    private final Beneficiaries beneficiaries;
    private final AidPages pages;
    private final HouseholdQueries households;

    PayeeController(Beneficiaries beneficiaries, AidPages pages, HouseholdQueries households) {
        this.beneficiaries = beneficiaries;
        this.pages = pages;
        this.households = households;
    }

    @PostMapping("/households/{id}/payee")
    String change(Actor actor, @PathVariable Long id, @RequestParam(required = false) String payeeAccount,
                  @RequestParam(required = false) String payeeBank, Model model, RedirectAttributes flash,
                  HttpServletResponse response) {
        try {
            beneficiaries.changePayee(actor, id, payeeAccount, payeeBank);
        } catch (ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (BusinessException e) {
            // the household's page again, with why and what was typed
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("payeeRefusal", e);
            model.addAttribute("typedPayeeAccount", payeeAccount);
            model.addAttribute("typedPayeeBank", payeeBank);
            model.addAttribute("householdAid", pages.householdAid(actor, id));
            return HouseholdController.page(households, actor, id, model);
        }
        flash.addFlashAttribute("success", "aid.page.payeeChanged");
        return "redirect:/households/" + id;
    }
}
