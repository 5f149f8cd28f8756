package cn.hardshiprelief.demo;

import cn.hardshiprelief.enrollment.ApplicationForm;
import cn.hardshiprelief.enrollment.MemberForm;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.person.IdentityNumber;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo households are applications the enrollment would accept, with numbers that are valid and stable. */
class DemoHouseholdTest {

    private static List<MemberForm> allMembers() {
        return DemoHousehold.all().stream().flatMap(h -> h.form().getMembers().stream()).toList();
    }

    @Test
    void everyDemoPersonHasAValidIdentityNumberMatchingTheirBirthDate() {
        assertThat(allMembers()).isNotEmpty().allSatisfy(m -> {
            IdentityNumber id = IdentityNumber.parse(m.getIdNumber());
            assertThat(id.birthDate()).isEqualTo(m.getBirthDate());
            assertThat(id.regionCode()).isEqualTo("230602");
        });
    }

    @Test
    void noTwoDemoPeopleShareANumberAndEveryStartMakesTheSameOnes() {
        List<String> numbers = allMembers().stream().map(MemberForm::getIdNumber).toList();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(allMembers().stream().map(MemberForm::getIdNumber).toList()).isEqualTo(numbers);
    }

    @Test
    void theSequenceDigitTellsMenFromWomen() {
        LocalDate born = LocalDate.of(1979, 3, 15);
        assertThat(IdentityNumber.parse(DemoIdNumbers.of(11, born, true)).gender()).isEqualTo(IdentityNumber.Gender.MALE);
        assertThat(IdentityNumber.parse(DemoIdNumbers.of(11, born, false)).gender()).isEqualTo(IdentityNumber.Gender.FEMALE);
    }

    @Test
    void sixHouseholdsWithSixHeadsEachApplyingForThemselvesWithACertificate() {
        List<DemoHousehold> households = DemoHousehold.all();
        assertThat(households).extracting(DemoHousehold::worker)
                .containsExactly("worker1", "worker2", "worker5", "worker3", "worker6", "worker4");
        assertThat(households).extracting(DemoHousehold::expectedTier).doesNotHaveDuplicates();
        for (DemoHousehold household : households) {
            ApplicationForm form = household.form();
            assertThat(form.getMembers()).filteredOn(m -> m.getRelation() == Relation.SELF).hasSize(1);
            assertThat(form.getHardshipCertificateFiles()).hasSize(1);
            assertThat(form.getHardshipCertificateFiles().get(0).getOriginalFilename()).endsWith(".pdf");
            assertThat(household.payeeAccount()).matches("[0-9]{12,30}");
        }
    }
}
