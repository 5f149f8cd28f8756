package cn.hardshiprelief.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundRepository;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;

/**
 * 金秋助学 for the household's own children, once per schooling stage: the student is a member of the
 * household file (a name typed for someone else's child is no longer possible), and the same child at the
 * same stage is refused in any later year, naming the earlier grant. The earlier year is made by moving a
 * grant requested today back a year, as if it had been requested then.
 */
@AppTest
class EducationAidStoryTest {

    private static final String ACCOUNT = "6222020200112233445";
    private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Autowired Households households;
    @Autowired AidRequests requests;
    @Autowired AidTasks tasks;
    @Autowired AidGrantRepository grants;
    @Autowired FundRepository fundRepository;
    @Autowired Directory directory;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aGrantForSomeoneWhoIsNotAMemberOfTheHouseholdIsRefusedAndNothingIsSaved() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        HouseholdFile neighbours = households.filedOnTheUnionRoute("worker3", "branch1");
        long before = grants.count();
        BigDecimal reservedBefore = reserved();

        for (Long notAMember : new Long[] {households.memberId(neighbours, "张小明"), 987654321L}) {
            assertThatThrownBy(() -> requests.request(directory.actor("union1"),
                    education(file, notAMember, SchoolingStage.UNDERGRADUATE), enrolment()))
                    .isInstanceOf(BusinessException.class)
                    .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("aid.education.notAMember"))
                    .satisfies(e -> assertThat(((BusinessException) e).getArgs()).containsExactly(file.getHeadName()));
        }

        assertThat(grants.count()).isEqualTo(before);
        assertThat(reserved()).isEqualByComparingTo(reservedBefore);
    }

    @Test
    void theGrantNamesTheMemberItIsFor() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Long child = households.memberId(file, "张小明");

        AidGrant grant = requests.request(directory.actor("union1"), education(file, child, SchoolingStage.JUNIOR_MIDDLE),
                enrolment());

        assertThat(grant.getStudentName()).isEqualTo("张小明");
        assertThat(grant.getStudentMemberId()).isEqualTo(child);
        assertThat(grant.getStudentKey()).hasSize(64);
        assertThat(grant.getAmount()).isEqualByComparingTo("1500.00");
    }

    @Test
    void aSecondDoctoralGrantForTheSameChildInALaterYearIsRefusedNamingTheEarlierGrant() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Long child = households.memberId(file, "张小明");
        AidGrant firstYear = requests.request(directory.actor("union1"), education(file, child, SchoolingStage.DOCTORATE),
                enrolment());
        requestedLastYear(firstYear);
        long before = grants.count();
        BigDecimal reservedBefore = reserved();

        assertThatThrownBy(() -> requests.request(directory.actor("union1"),
                education(file, child, SchoolingStage.DOCTORATE), enrolment()))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("aid.check.oncePerStage"))
                .satisfies(e -> assertThat(((BusinessException) e).getArgs())
                        .containsExactly("张小明", "1", firstYear.getGrantNumber() + " (" + (THIS_YEAR - 1) + ")"));

        assertThat(grants.count()).isEqualTo(before);
        assertThat(reserved()).isEqualByComparingTo(reservedBefore);
    }

    @Test
    void theSameChildHasAidAgainAtTheNextStage() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Long child = households.memberId(file, "张小明");
        requestedLastYear(requests.request(directory.actor("union1"), education(file, child, SchoolingStage.MASTER),
                enrolment()));

        AidGrant doctorate = requests.request(directory.actor("union1"), education(file, child, SchoolingStage.DOCTORATE),
                enrolment());

        assertThat(doctorate.getAmount()).as("plan 8: 5,000 yuan for a doctoral student").isEqualByComparingTo("5000.00");
    }

    @Test
    void aRejectedGrantDoesNotUseUpTheStage() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Long child = households.memberId(file, "张小明");
        AidGrant rejected = requests.request(directory.actor("union1"), education(file, child, SchoolingStage.DOCTORATE),
                enrolment());
        tasks.decide(directory.actor("union2"), rejected.getId(), false, "录取通知书与学籍信息不符");
        requestedLastYear(rejected);

        AidGrant again = requests.request(directory.actor("union1"), education(file, child, SchoolingStage.DOCTORATE),
                enrolment());

        assertThat(again.getStatus()).isEqualTo(GrantStatus.REQUESTED);
    }

    @Test
    void aGrantRequestedBeforeStudentsWereMembersCountsForTheChildOfTheSameNameInItsFile() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Long child = households.memberId(file, "张小明");
        AidGrant typedName = requests.request(directory.actor("union1"), education(file, child, SchoolingStage.DOCTORATE),
                enrolment());
        requestedLastYear(typedName);
        // as the grants of the free-text days were: a name, no member, no key, a once key of their year
        jdbc.update("update aid_grant set student_member_id = null, student_key = null, student_name = ?,"
                + " once_key = ? where id = ?", " 张小明 ", "F" + file.getId() + ":EDUCATION_AID:" + (THIS_YEAR - 1)
                + ":张小明", typedName.getId());

        assertThatThrownBy(() -> requests.request(directory.actor("union1"),
                education(file, child, SchoolingStage.DOCTORATE), enrolment()))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("aid.check.oncePerStage"));
    }

    // --- helpers

    private void requestedLastYear(AidGrant grant) {
        jdbc.update("update aid_grant set grant_year = ? where id = ?", THIS_YEAR - 1, grant.getId());
    }

    private AidRequestForm education(HouseholdFile file, Long student, SchoolingStage stage) {
        return new AidRequestForm(file.getId(), null, AidKind.EDUCATION_AID, stage, student, null, unionFund().getId(),
                "在读证明已核实", ACCOUNT, "中国工商银行示范县支行", UUID.randomUUID().toString());
    }

    private static MockMultipartFile enrolment() {
        return new MockMultipartFile("proof", "录取通知书.pdf", "application/pdf", Enrollments.PDF);
    }

    private Fund unionFund() {
        Long union = directory.actor("union1").orgUnitId();
        return fundRepository.findByUnionIdAndYearOrderBySourceAsc(union, THIS_YEAR).get(0);
    }

    private BigDecimal reserved() {
        return fundRepository.findById(unionFund().getId()).orElseThrow().getReserved();
    }
}
