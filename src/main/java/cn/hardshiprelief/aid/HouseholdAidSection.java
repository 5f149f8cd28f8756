package cn.hardshiprelief.aid;

import cn.hardshiprelief.household.HouseholdController;
import cn.hardshiprelief.organization.Actor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The aid section of a household's page (its grants, the 申请救助 button). The register cannot ask aid for it
 * (aid depends on the register), so aid adds it to the page's model. Only grants the actor may read are listed,
 * whatever the register's page then decides about the file itself.
 */
@ControllerAdvice(assignableTypes = HouseholdController.class)
class HouseholdAidSection {

    private final AidPages pages;

    HouseholdAidSection(AidPages pages) {
        this.pages = pages;
    }

    @ModelAttribute
    void aidOfTheHousehold(@PathVariable(name = "id", required = false) Long id, Actor actor, Model model) {
        if (id != null) {
            model.addAttribute("householdAid", pages.householdAid(actor, id));
        }
    }
}
