package cn.hardshiprelief.household;

import cn.hardshiprelief.enrollment.HardshipCause;
import cn.hardshiprelief.enrollment.Tier;
import cn.hardshiprelief.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The register: search household files and open one. */
@Controller
public class HouseholdController {

    private final HouseholdQueries households;

    public HouseholdController(HouseholdQueries households) {
        this.households = households;
    }

    @GetMapping("/households")
    public String search(Actor actor, @RequestParam(required = false) String name,
                         @RequestParam(required = false) String idNumber, @RequestParam(required = false) String unitCode,
                         @RequestParam(required = false) Tier tier, @RequestParam(required = false) HardshipCause cause,
                         @RequestParam(defaultValue = "0") int page, Model model) {
        HouseholdSearch search = new HouseholdSearch(name, idNumber, unitCode, tier, cause);
        model.addAttribute("search", search);
        model.addAttribute("files", households.search(actor, search, page));
        return "household/list";
    }

    @GetMapping("/households/{id}")
    public String show(Actor actor, @PathVariable Long id, Model model) {
        return page(households, actor, id, model);
    }

    /** The household's page; also shown again with a refused change report or payee change. */
    public static String page(HouseholdQueries households, Actor actor, Long id, Model model) {
        HouseholdFile file = households.file(actor, id);
        model.addAttribute("file", file);
        model.addAttribute("cadreName", households.displayName(file.getPairedCadre()));
        model.addAttribute("history", households.history(file));
        return "household/detail";
    }
}
