package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.organization.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

/** The ledgers: a fund's (with its bank batches) and a household's, each on a page and as a workbook. */
@Controller
public class LedgerController {

    private final FundLedger funds;
    private final HouseholdLedger households;

    public LedgerController(FundLedger funds, HouseholdLedger households) {
        this.funds = funds;
        this.households = households;
    }

    @GetMapping("/funds/{id:\\d+}")
    public String fund(Actor actor, @PathVariable Long id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("view", funds.view(actor, id, page));
        return "disbursement/fund";
    }

    @GetMapping("/funds/{id:\\d+}/ledger.xlsx")
    public ResponseEntity<byte[]> fundLedger(Actor actor, @PathVariable Long id, Locale locale) {
        return Downloads.of(funds.xlsx(actor, id, locale));
    }

    @GetMapping("/households/{id:\\d+}/ledger")
    public String household(Actor actor, @PathVariable Long id, Model model) {
        model.addAttribute("view", households.view(actor, id));
        return "disbursement/household";
    }

    @GetMapping("/households/{id:\\d+}/ledger.xlsx")
    public ResponseEntity<byte[]> householdLedger(Actor actor, @PathVariable Long id, Locale locale) {
        return Downloads.of(households.xlsx(actor, id, locale));
    }
}
