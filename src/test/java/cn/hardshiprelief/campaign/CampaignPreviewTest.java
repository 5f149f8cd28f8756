package cn.hardshiprelief.campaign;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The set-up page's preview of a county union's list of thousands: a capped table, counts over them all. */
class CampaignPreviewTest {

    /** 1,200 households: every third has no payee account, each is paid 800 yuan. */
    private static final List<CampaignCandidate> FOUND = LongStream.rangeClosed(1, 1200)
            .mapToObj(id -> new CampaignCandidate(id, "JD" + id, "户主" + id, "城关便民超市", "RELATIVE",
                    new BigDecimal("800.00"), id % 3 != 0))
            .toList();

    @Test
    void theTableShowsTheFirstFiveHundredWhileTheCountsAndTheTotalCoverEveryHouseholdFound() {
        CampaignPreview preview = CampaignPreview.of(FOUND, Set.of(), 500);

        assertThat(preview.shown()).hasSize(500).first().extracting(CampaignCandidate::fileId).isEqualTo(1L);
        assertThat(preview.cut()).isTrue();
        assertThat(preview.found()).isEqualTo(1200);
        assertThat(preview.onList()).isEqualTo(1200);
        assertThat(preview.excluded()).isZero();
        assertThat(preview.total()).isEqualByComparingTo("960000.00");
        assertThat(preview.withoutPayee()).isEqualTo(400);
        assertThat(preview.hiddenExcluded()).isEmpty();
    }

    @Test
    void householdsTakenOffLeaveTheCountsAndThoseBeyondTheTableAreCarriedAlong() {
        CampaignPreview preview = CampaignPreview.of(FOUND, Set.of(3L, 4L, 900L), 500);

        assertThat(preview.shown()).as("taken off, still shown so they can be put back")
                .extracting(CampaignCandidate::fileId).contains(3L, 4L);
        assertThat(preview.found()).isEqualTo(1200);
        assertThat(preview.onList()).isEqualTo(1197);
        assertThat(preview.excluded()).isEqualTo(3);
        assertThat(preview.total()).isEqualByComparingTo("957600.00");
        assertThat(preview.withoutPayee()).as("3 and 900 had none: they no longer count").isEqualTo(398);
        assertThat(preview.hiddenExcluded()).containsExactly(900L);
    }

    @Test
    void aShortListIsShownWhole() {
        CampaignPreview preview = CampaignPreview.of(FOUND.subList(0, 3), Set.of(), 500);

        assertThat(preview.shown()).hasSize(3);
        assertThat(preview.cut()).isFalse();
        assertThat(preview.total()).isEqualByComparingTo("2400.00");
    }
}
