package cn.hardshiprelief.fund;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 资金管理: the funds of the user's own union by year, opening a fund and changing a budget. A fund's ledger and
 * bank batches are pages of disbursement ({@code /funds/{id}}).
 */
@Controller
@RequestMapping("/funds")
public class FundController {


    private final Funds funds;
    private final MessageSource messages;
    private final Clock clock;

    public FundController(Funds funds, MessageSource messages, Clock clock) {
        this.funds = funds;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String list(Actor actor, Model model) {
        model.addAttribute("fundForm", newForm());
        return render(actor, model);
    }

    @PostMapping
    public String open(Actor actor, @Valid @ModelAttribute("fundForm") FundForm form, BindingResult errors, Model model,
                       RedirectAttributes flash, HttpServletResponse response, Locale locale) {
        model.addAttribute("opening", true);
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(actor, model);
        }
        try {
            Fund fund = funds.open(actor, form.year(), form.source(), form.name(), form.budget());
            flash.addFlashAttribute("success", "funds.opened");
            return "redirect:/funds/" + fund.getId();
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            return refused(e, null, actor, model, response, locale);
        }
    }

    @PostMapping("/{id}/budget")
    public String changeBudget(Actor actor, @PathVariable Long id, @Valid @ModelAttribute("budgetForm") BudgetForm form,
                               BindingResult errors, Model model, RedirectAttributes flash,
                               HttpServletResponse response, Locale locale) {
        if (errors.hasErrors()) {
            funds.fund(actor, id);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("budgetFundId", id);
            model.addAttribute("fundForm", newForm());
            return render(actor, model);
        }
        try {
            funds.changeBudget(actor, id, form.budget());
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            return refused(e, id, actor, model, response, locale);
        }
        flash.addFlashAttribute("success", "funds.budgetChanged");
        return "redirect:/funds#fund-" + id;
    }

    private String refused(BusinessException e, Long fundId, Actor actor, Model model, HttpServletResponse response,
                           Locale locale) {
        response.setStatus(e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT
                : HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("refusal", messages.getMessage(e.getMessageKey(), e.getArgs(), e.getMessageKey(), locale));
        model.addAttribute("budgetFundId", fundId);
        if (!model.containsAttribute("fundForm")) {
            model.addAttribute("fundForm", newForm());
        }
        return render(actor, model);
    }

    private FundForm newForm() {
        return new FundForm(LocalDate.now(clock).getYear(), null, null, null);
    }

    private String render(Actor actor, Model model) {
        model.addAttribute("funds", funds.ofMyUnion(actor));
        return "fund/list";
    }
}
