package cn.hardshiprelief.person;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.support.Households;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bank accounts are encrypted at rest like identity numbers, and the rotation command re-encrypts both under a
 * new key (an account still in plain text from before included) while the blind index keeps its key. A context
 * of its own, with a real key, so the rotation touches no other test's data.
 */
@SpringBootTest(properties = {"camunda.bpm.process-engine-name=rotationTests",
        "hardship.crypto.key=" + CryptoKeyRotationTest.OLD_KEY})
@ActiveProfiles("test")
class CryptoKeyRotationTest {

    static final String OLD_KEY = "Q5pMuEzdQcc6QaJif+zqsG/TVsSQDllyHnxZ42OFCGQ=";
    static final String NEW_KEY = "m3Bq7o0mJ0y1b3ZcOQ1b5mN1mJzZQ0m1d2F3a4B5c6E=";

    @Autowired Households households;
    @Autowired HouseholdFileRepository files;
    @Autowired JdbcTemplate jdbc;
    @Autowired CryptoKeyRotation rotation;

    @Test
    void accountsAreEncryptedAtRestAndTheRotationReEncryptsEverythingUnderTheNewKey() {
        HouseholdFile file = households.filedWithPayee("worker1", Households.ENTERPRISE_CHAIN, "6222020200112233445");
        HouseholdFile legacy = households.filed("worker2", List.of("head2", "director1", "hr1", "office1"));
        jdbc.update("update household_file set payee_account = '6217000011112222' where id = ?", legacy.getId());

        String stored = jdbc.queryForObject("select payee_account from household_file where id = ?", String.class, file.getId());
        assertThat(stored).startsWith("v1:").doesNotContain("6222020200112233445");
        assertThat(files.findById(file.getId()).orElseThrow().getPayeeAccount()).isEqualTo("6222020200112233445");
        assertThat(files.findById(legacy.getId()).orElseThrow().getPayeeAccount())
                .as("an account from before encryption is still read").isEqualTo("6217000011112222");
        IdentityNumberCipher old = new IdentityNumberCipher(OLD_KEY);
        String anIdNumber = old.decrypt(jdbc.queryForObject(
                "select id_number_encrypted from household_member order by id limit 1", String.class));

        IdentityNumberCipher rotated = new IdentityNumberCipher(NEW_KEY, OLD_KEY, OLD_KEY);
        Map<String, Integer> done = rotation.rotate(rotated);

        assertThat(done.get("household_file")).isGreaterThanOrEqualTo(2);
        assertThat(done.get("household_member")).isGreaterThanOrEqualTo(4);
        IdentityNumberCipher newOnly = new IdentityNumberCipher(NEW_KEY);
        assertThat(newOnly.decrypt(jdbc.queryForObject("select payee_account from household_file where id = ?",
                String.class, file.getId()))).isEqualTo("6222020200112233445");
        assertThat(newOnly.decrypt(jdbc.queryForObject("select payee_account from household_file where id = ?",
                String.class, legacy.getId()))).isEqualTo("6217000011112222");
        String reencrypted = jdbc.queryForObject("select id_number_encrypted from household_member order by id limit 1",
                String.class);
        assertThat(newOnly.decrypt(reencrypted)).isEqualTo(anIdNumber);
        assertThatThrownBy(() -> old.decrypt(reencrypted)).isInstanceOf(IllegalStateException.class);
        assertThat(rotated.hash(anIdNumber)).as("the blind index keeps its key").isEqualTo(old.hash(anIdNumber));

        // put the context's data back under the key this context runs with
        rotation.rotate(new IdentityNumberCipher(OLD_KEY, NEW_KEY, OLD_KEY));
        assertThat(files.findById(file.getId()).orElseThrow().getPayeeAccount()).isEqualTo("6222020200112233445");
    }

    @Test
    void aRotationWithoutTheIndexKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new IdentityNumberCipher(NEW_KEY, OLD_KEY, ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HARDSHIP_CRYPTO_INDEX_KEY");
    }
}
