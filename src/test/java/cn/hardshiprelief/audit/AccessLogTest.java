package cn.hardshiprelief.audit;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file's accesses: its own and its application's, newest first, a page at a time, for its county union only. */
@AppTest
class AccessLogTest {

    @Autowired AccessLog accessLog;
    @Autowired Directory directory;

    // record ids far above the demo data's, unique to this class
    private static final long FILE = 880_001L;
    private static final long APPLICATION = 880_002L;

    @Test
    void aFilesAccessesAreItsOwnAndItsApplicationsNewestFirstAndPaged() {
        for (int i = 1; i <= 30; i++) {
            accessLog.record("county1", AccessLogEntry.Kind.HOUSEHOLD_FILE, FILE, "JD-" + i, "10.0.0.1");
        }
        accessLog.record("head1", AccessLogEntry.Kind.EVIDENCE, APPLICATION, "SQ · 证明.pdf", "10.0.0.2");
        accessLog.record("head1", AccessLogEntry.Kind.REVIEW_TASK, APPLICATION, "SQ", "10.0.0.2");
        // another record with the same ids: a grant's proof, another file
        accessLog.record("union1", AccessLogEntry.Kind.AID_PROOF, APPLICATION, "JZ", "10.0.0.3");
        accessLog.record("union1", AccessLogEntry.Kind.HOUSEHOLD_FILE, APPLICATION, "JD-other", "10.0.0.3");
        Actor admin = directory.actor("admin");
        Long county = directory.actor("county1").orgUnitId();

        List<Access> latest = accessLog.latestOfFile(admin, county, FILE, APPLICATION).orElseThrow();
        assertThat(latest).hasSize(20);
        assertThat(latest).extracting(Access::subject).startsWith("SQ", "SQ · 证明.pdf", "JD-30", "JD-29");
        assertThat(latest.get(0).displayName()).isEqualTo("王强");

        Page<Access> second = accessLog.ofFile(admin, county, FILE, APPLICATION, 0);
        assertThat(second.getTotalElements()).isEqualTo(32);
        assertThat(second.getContent()).extracting(Access::username).doesNotContain("union1");
    }

    @Test
    void onlyTheFilesCountyUnionAndAdministratorsReadItsAccesses() {
        Long county = directory.actor("county1").orgUnitId();

        assertThat(accessLog.latestOfFile(directory.actor("county1"), county, FILE, APPLICATION)).isPresent();
        assertThat(accessLog.latestOfFile(directory.actor("chair1"), county, FILE, APPLICATION)).isPresent();
        assertThat(accessLog.latestOfFile(directory.actor("county1"), county + 1000, FILE, APPLICATION)).isEmpty();
        assertThat(accessLog.latestOfFile(directory.actor("branch1"), county, FILE, APPLICATION)).isEmpty();
        assertThatThrownBy(() -> accessLog.ofFile(directory.actor("union1"), county, FILE, APPLICATION, 0))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> accessLog.search(directory.actor("county1"), null, 0))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aSearchWithoutDaysCoversTheLastThirtyDays() {
        AccessSearch bounded = accessLog.bounded(new AccessSearch(" ", null, null, LocalDate.of(2026, 3, 31), " "));

        assertThat(bounded.from()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(bounded.username()).isNull();
        assertThat(bounded.subject()).isNull();
    }
}
