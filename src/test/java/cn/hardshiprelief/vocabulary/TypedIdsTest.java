package cn.hardshiprelief.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ids that travel between features: typed in Java, plain numbers in URLs, JSON and logs. */
class TypedIdsTest {

    @Test
    void anIdPrintsAndSerialisesAsItsNumber() throws Exception {
        assertThat(HouseholdFileId.of(42L)).hasToString("42");
        assertThat(new ObjectMapper().writeValueAsString(Map.of("fileId", HouseholdFileId.of(42L),
                "grantId", GrantId.of(7L), "applicationId", ApplicationId.of(9L))))
                .contains("\"fileId\":42").contains("\"grantId\":7").contains("\"applicationId\":9");
    }

    @Test
    void aMissingIdIsNullWhereOptionalAndRefusedWhereRequired() {
        assertThat(HouseholdFileId.of(null)).isNull();
        assertThatThrownBy(() -> GrantId.required(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("GrantId");
    }

    @Test
    void idsOfDifferentKindsAreNeverEqual() {
        assertThat((Object) HouseholdFileId.of(5L)).isNotEqualTo(ApplicationId.of(5L));
        assertThat(HouseholdFileId.of(5L)).isEqualTo(HouseholdFileId.required(5L));
    }
}
