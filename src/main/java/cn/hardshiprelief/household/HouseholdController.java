package cn.hardshiprelief.household;

import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.organization.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The register: search household files, open one (each opening is logged), and see who looked at it. */
@Controller
public class HouseholdController {

    private final HouseholdQueries households;
    private final AccessLog accessLog;

    public HouseholdController(HouseholdQueries households, AccessLog accessLog) {
        this.households = households;
        this.accessLog = accessLog;
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
    public String show(Actor actor, @PathVariable Long id, Model model, HttpServletRequest request) {
        String view = page(households, actor, id, model);
        HouseholdFile file = (HouseholdFile) model.getAttribute("file");
        accessLog.record(actor.username(), AccessLogEntry.Kind.HOUSEHOLD_FILE, file.getId(), file.getFileNumber(),
                request.getRemoteAddr());
        model.addAttribute("accesses", accessLog.latestOfFile(actor, countyUnionId(file), file.getId(),
                file.getApplicationId()).orElse(null));
        return view;
    }

    /** The household's page; also shown again with a refused change report, payee change or income correction. */
    public static String page(HouseholdQueries households, Actor actor, Long id, Model model) {
        HouseholdFile file = households.file(actor, id);
        model.addAttribute("file", file);
        model.addAttribute("incomes", households.incomes(file));
        model.addAttribute("mayCorrectIncomes", IncomeCorrections.mayCorrect(actor, file));
        model.addAttribute("cadreName", households.displayName(file.getPairedCadre()));
        model.addAttribute("history", households.history(file));
        return "household/detail";
    }

    /** Who looked at a file and its application, a page at a time (its county union and administrators). */
    @GetMapping("/households/{id}/access-log")
    public String accesses(Actor actor, @PathVariable Long id, @RequestParam(defaultValue = "0") int page, Model model) {
        HouseholdFile file = households.file(actor, id);
        model.addAttribute("accesses", accessLog.ofFile(actor, countyUnionId(file), file.getId(),
                file.getApplicationId(), page));
        model.addAttribute("fileId", file.getId());
        model.addAttribute("fileNumber", file.getFileNumber());
        return "audit/file";
    }

    private static Long countyUnionId(HouseholdFile file) {
        return file.getCountyUnion() == null ? null : file.getCountyUnion().getId();
    }
}
