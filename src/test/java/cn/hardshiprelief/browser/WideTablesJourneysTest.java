package cn.hardshiprelief.browser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wide tables a union's staff work in, at 1280 px and on a phone: the funds' budget change fits in its table,
 * the survey's figures stand under their headings, and on a phone each row is a card with nothing to scroll sideways.
 */
class WideTablesJourneysTest extends JourneyTest {

    /** Pixels by which a cell's content overflows its table's box (0 when it fits); the table's own scroll too. */
    private static final String OVERFLOW = """
            const wrap = document.querySelector(arguments[0]).closest('.table-wrap');
            const edge = wrap.getBoundingClientRect().right;
            const cells = [...wrap.querySelectorAll(arguments[1])].map(e => e.getBoundingClientRect().right - edge);
            return [Math.max(0, wrap.scrollWidth - wrap.clientWidth), Math.round(Math.max(0, ...cells))];""";

    /** For each numeric column heading: how far its right edge is from its first figure's right edge. */
    private static final String MISALIGNMENT = """
            const table = document.querySelector(arguments[0]);
            const heads = [...table.querySelectorAll('thead th')];
            const row = table.querySelector('tbody tr');
            return heads.map((th, i) => row.children[i].classList.contains('num')
                ? Math.abs(th.getBoundingClientRect().right - row.children[i].getBoundingClientRect().right)
                  + (getComputedStyle(th).textAlign === 'right' ? 0 : 1000) : 0);""";

    @Test
    void theFundsBudgetChangeFitsItsTableAt1280AndEachFundIsACardOnAPhone() {
        Browser desktop = as(Browser.DESKTOP, "branch1");
        desktop.open("/funds").screenshot("funds");
        assertThat(figures(desktop.script(OVERFLOW, "#funds", "button, input, a")))
                .as("the table scrolls no column away, the budget's button is inside it").containsOnly(0L);

        Browser phone = as(Browser.PHONE, "branch1");
        phone.open("/funds").screenshot("funds");
        assertThat(phone.script("return getComputedStyle(document.querySelector('#funds tbody tr:not(.group)')).display"))
                .as("a fund is a card of its own on a phone").isEqualTo("block");
        assertThat(figures(phone.script(OVERFLOW, "#funds", "button, input, a"))).containsOnly(0L);
    }

    @Test
    void theSurveysFiguresStandUnderTheirHeadingsAt1280AndAreCardsOnAPhone() {
        Browser desktop = as(Browser.DESKTOP, "county1");
        desktop.open("/surveys").screenshot("surveys");
        for (Object offset : (List<?>) desktop.script(MISALIGNMENT, "#exitTargets")) {
            assertThat(((Number) offset).doubleValue()).as("a figure's right edge under its heading's").isLessThan(2);
        }

        Browser phone = as(Browser.PHONE, "county1");
        phone.open("/surveys").screenshot("surveys");
        assertThat(phone.script("return getComputedStyle(document.querySelector('#exitTargets tbody tr')).display"))
                .isEqualTo("block");
    }

    private static List<Long> figures(Object fromScript) {
        return ((List<?>) fromScript).stream().map(n -> ((Number) n).longValue()).toList();
    }
}
