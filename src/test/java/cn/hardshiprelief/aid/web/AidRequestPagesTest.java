package cn.hardshiprelief.aid.web;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.household.CancelReason;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static cn.hardshiprelief.aid.web.AidPageSteps.grantIdOf;
import static cn.hardshiprelief.aid.web.AidPageSteps.proof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request form (申请救助): the kinds offered with their standards, a request posted as the browser does,
 * refusals shown on the form with everything typed kept, a double submission creating one grant, and what a
 * closed file and the worker themselves may ask for.
 */
@AppTest
class AidRequestPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AidPageSteps steps;
    @Autowired cn.hardshiprelief.household.ChangeReports changes;
    @Autowired Directory directory;

    private String page(String url, String username, Object... vars) throws Exception {
        return mvc.perform(get(url, vars).with(steps.as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void lifeAidRequestedThroughTheFormIsSavedPricedAndShownWaitingForTheCompanyUnion() throws Exception {
        HouseholdFile file = steps.filedByCompany();

        String choose = page("/aid/new?fileId={id}", "union1", file.getId());
        assertThat(choose).contains("生活救助", "医疗（大病）救助", "金秋助学", "返乡探亲报销", "法律援助")
                .contains("value=\"LIFE_AID\"").doesNotContain("value=\"WARMTH_VISIT\"")
                .contains("按 ").contains("博士研究生").contains(file.getHeadName());
        String form = page("/aid/new?fileId={id}&kind=LIFE_AID", "union1", file.getId());
        assertThat(form).contains("name=\"requestToken\"").contains("enctype=\"multipart/form-data\"")
                .contains("name=\"_csrf\"").contains(steps.fundOf("union1").getName()).contains("标准 ");

        MvcResult posted = mvc.perform(steps.requestForm(file, "union1", AidKind.LIFE_AID, null, "因病致困，生活困难"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "aid.page.requested"))
                .andReturn();
        AidGrant grant = steps.grant(grantIdOf(posted));

        assertThat(grant.getFileId()).isEqualTo(file.getId());
        assertThat(grant.getKind()).isEqualTo(AidKind.LIFE_AID);
        assertThat(grant.getStatus()).isEqualTo(GrantStatus.REQUESTED);
        assertThat(grant.getRequestedBy()).isEqualTo("union1");
        String shown = page("/aid/{id}", "union1", grant.getId());
        assertThat(shown).contains(grant.getGrantNumber(), "生活救助", "待审批", "1,000.00",
                grant.getStandardVersion(), "因病致困，生活困难", "基层工会审批", "提出申请", grant.getPayeeAccountMasked())
                .doesNotContain(AidPageSteps.ACCOUNT)
                .contains("action=\"/aid/" + grant.getId() + "/decision\"");
        assertThat(page("/aid", "union1")).contains(grant.getGrantNumber(), "/aid/" + grant.getId());
        assertThat(page("/aid/{id}?lang=en", "union1", grant.getId())).contains("Standard amount", "Branch union approval")
                .doesNotContain("??");
    }

    @Test
    void anAmountAboveTheStandardIsRefusedOnTheFormWithTheFiguresAndEverythingTypedKept() throws Exception {
        HouseholdFile file = steps.filedByCompany();

        String refused = mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "6000", "房屋失火，急需安置"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("申请金额 6000.00 元超过救助标准的上限 5000.00 元")
                .contains("value=\"6000\"").contains("房屋失火，急需安置").contains("value=\"" + AidPageSteps.ACCOUNT + "\"")
                .contains("name=\"requestToken\"");
        assertThat(steps.grantsOf(file)).isEmpty();
    }

    @Test
    void aNegativeAmountIsRefusedBeforeAnythingIsSaved() throws Exception {
        HouseholdFile file = steps.filedByCompany();

        String refused = mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "-5", "突发困难"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("金额须大于 0").contains("value=\"-5\"").contains("突发困难");
        String notANumber = mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "12a", "突发困难"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(notANumber).contains("value=\"12a\"").contains("表单有错误").contains("请填写金额，例如 1500 或 420.50");
        assertThat(steps.grantsOf(file)).isEmpty();
    }

    @Test
    void educationAidWithoutProofOfEnrolmentIsRefusedAndWithItPaysTheDoctoralStandard() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        String child = steps.memberId(file, "张小明");

        String form = page("/aid/new?fileId={id}&kind=EDUCATION_AID", "union1", file.getId());
        assertThat(form).contains("name=\"studentMemberId\"").contains("<option value=\"" + child + "\">张小明 · 子女 · 初中</option>")
                .doesNotContain("name=\"studentName\"");
        String refused = mvc.perform(steps.requestForm(file, "union1", AidKind.EDUCATION_AID, null, "考博成功",
                        "stage", "DOCTORATE", "studentMemberId", child))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("金秋助学请上传入学通知书或在读证明")
                .contains("<option value=\"" + child + "\" selected=\"selected\">张小明")
                .contains("<option value=\"DOCTORATE\" selected=\"selected\"");
        assertThat(steps.grantsOf(file)).isEmpty();

        MvcResult posted = mvc.perform(steps.requestForm(file, "union1", AidKind.EDUCATION_AID, null, "考博成功",
                        "stage", "DOCTORATE", "studentMemberId", child).file(proof()))
                .andExpect(status().is3xxRedirection()).andReturn();
        AidGrant grant = steps.grant(grantIdOf(posted));
        assertThat(grant.getAmount()).isEqualByComparingTo("5000.00");
        assertThat(grant.getStudentName()).isEqualTo("张小明");
        assertThat(grant.getProofName()).isEqualTo("票据.pdf");
        assertThat(page("/aid/{id}", "union1", grant.getId())).contains("张小明", "博士研究生", "/aid/" + grant.getId() + "/proof");
    }

    @Test
    void educationAidForSomeoneOutsideTheHouseholdIsRefusedOnTheFormInTheReadersLanguageAndNothingIsSaved()
            throws Exception {
        HouseholdFile file = steps.filedByCompany();
        HouseholdFile other = steps.filedByUnion();
        String stranger = steps.memberId(other, "张小明");

        String refused = mvc.perform(steps.requestForm(file, "union1", AidKind.EDUCATION_AID, null, "考入大学",
                        "stage", "UNDERGRADUATE", "studentMemberId", stranger).file(proof()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("金秋助学只资助 " + file.getHeadName() + " 家档案中的家庭成员").contains("考入大学")
                .contains("<option value=\"UNDERGRADUATE\" selected=\"selected\"");
        String inEnglish = mvc.perform(steps.requestForm(file, "union1", AidKind.EDUCATION_AID, null, "Admitted",
                        "stage", "UNDERGRADUATE", "studentMemberId", "999999999", "lang", "en").file(proof()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(inEnglish).contains("Education aid is only for members of the " + file.getHeadName() + " household file")
                .doesNotContain("金秋助学只资助");
        String noStudent = mvc.perform(steps.requestForm(file, "union1", AidKind.EDUCATION_AID, null, "考入大学",
                        "stage", "UNDERGRADUATE").file(proof()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(noStudent).contains("金秋助学请选择学生（档案中的家庭成员）和就读学段");

        assertThat(steps.grantsOf(file)).isEmpty();
        assertThat(steps.grantsOf(other)).isEmpty();
    }

    @Test
    void aProofChosenOnARefusedRequestIsKeptAndNeedNotBeChosenAgain() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        String token = java.util.UUID.randomUUID().toString();

        String refused = mvc.perform(steps.requestForm(file, "union1", AidKind.EDUCATION_AID, null, "考博成功",
                        "stage", "DOCTORATE", "requestToken", token).file(proof()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("name=\"keptProof\" value=\"(\\d+)\"")
                .matcher(refused);
        assertThat(kept.find()).as("the refused form carries the kept proof").isTrue();
        assertThat(refused).contains("已上传：票据.pdf").contains("name=\"discardProof\"")
                .as("no need to choose the file again").doesNotContain("name=\"proof\" accept=\".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png\" required");

        String child = steps.memberId(file, "张小明");
        MvcResult posted = mvc.perform(steps.requestForm(file, "union1", AidKind.EDUCATION_AID, null, "考博成功",
                        "stage", "DOCTORATE", "studentMemberId", child, "requestToken", token, "keptProof", kept.group(1)))
                .andExpect(status().is3xxRedirection()).andReturn();
        AidGrant grant = steps.grant(grantIdOf(posted));
        assertThat(grant.getProofName()).isEqualTo("票据.pdf");
        mvc.perform(get("/aid/{id}/proof", grant.getId()).with(steps.as("union1"))).andExpect(status().isOk());
    }

    @Test
    void aSecondTripHomeInOneYearIsRefusedNamingTheFirstGrant() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        MvcResult first = mvc.perform(steps.requestForm(file, "union1", AidKind.TRAVEL_HOME, "420.50", "春节返乡")
                .file(proof())).andExpect(status().is3xxRedirection()).andReturn();
        AidGrant trip = steps.grant(grantIdOf(first));
        assertThat(trip.getAmount()).isEqualByComparingTo("420.50");

        String refused = mvc.perform(steps.requestForm(file, "union1", AidKind.TRAVEL_HOME, "300", "国庆返乡")
                        .file(proof()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("已享受同类救助 1 次").contains(trip.getGrantNumber()).contains("国庆返乡");
        assertThat(steps.grantsOf(file)).hasSize(1);
    }

    @Test
    void theSameFormSubmittedTwiceCreatesOneGrantAndSaysSo() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        String token = UUID.randomUUID().toString();

        MvcResult first = mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "300", "临时困难",
                "requestToken", token)).andExpect(status().is3xxRedirection()).andReturn();
        MvcResult second = mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "300", "临时困难",
                        "requestToken", token))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", "aid.page.alreadyRequested")).andReturn();

        assertThat(grantIdOf(second)).isEqualTo(grantIdOf(first));
        assertThat(steps.grantsOf(file)).hasSize(1);
    }

    @Test
    void aReasonWithMarkupIsShownAsText() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        MvcResult posted = mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "200",
                "<script>alert('x')</script>")).andExpect(status().is3xxRedirection()).andReturn();

        String shown = page("/aid/{id}", "union1", grantIdOf(posted));

        assertThat(shown).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
    }

    @Test
    void aCancelledFileIsOfferedOnlyEmergencyAid() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        changes.cancel(directory.actor("county1"), file.getId(), CancelReason.MOVED_AWAY, "迁出本县");

        String choose = page("/aid/new?fileId={id}", "union1", file.getId());
        assertThat(choose).contains("value=\"EMERGENCY_AID\"").doesNotContain("value=\"LIFE_AID\"")
                .contains("已脱困或注销");
        String refused = mvc.perform(steps.requestForm(file, "union1", AidKind.LIFE_AID, null, "生活困难"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("该户档案已脱困或注销，只能申请临时救助");

        mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "800", "突发疾病"))
                .andExpect(status().is3xxRedirection());
        assertThat(steps.grantsOf(file)).extracting(AidGrant::getKind).containsExactly(AidKind.EMERGENCY_AID);
    }

    @Test
    void theWorkerMayAskOnlyForTheKindsAWorkerMayRequestAndOtherUnionsMayNotAskAtAll() throws Exception {
        HouseholdFile file = steps.filedByCompany();

        String own = page("/aid/new?fileId={id}", "worker1", file.getId());
        assertThat(own).contains("value=\"EDUCATION_AID\"", "value=\"TRAVEL_HOME\"", "value=\"EMERGENCY_AID\"")
                .doesNotContain("value=\"LIFE_AID\"").doesNotContain("value=\"MEDICAL_AID\"");
        assertThat(page("/aid/new", "worker1")).contains("value=\"EDUCATION_AID\"").doesNotContain("value=\"LIFE_AID\"");
        String refused = mvc.perform(steps.requestForm(file, "worker1", AidKind.LIFE_AID, null, "生活困难"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("职工本人可以申请临时救助");

        mvc.perform(get("/aid/new?fileId={id}", file.getId()).with(steps.as("branch2"))).andExpect(status().isForbidden());
        mvc.perform(steps.requestForm(file, "branch2", AidKind.EMERGENCY_AID, "500", "急需"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/aid/new?fileId={id}", 9_999_999L).with(steps.as("union1"))).andExpect(status().isNotFound());
        mvc.perform(multipart("/aid").param("kind", "LIFE_AID").param("reason", "x").with(steps.as("union1")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/aid").param("kind", "LIFE_AID").param("reason", "x").with(csrf())
                .with(steps.as("union1"))).andExpect(status().isBadRequest());
        assertThat(steps.grantsOf(file)).isEmpty();
    }

    @Test
    void emergencyAidGoesToAWorkerNotOnFileNamedByUsername() throws Exception {
        String choose = page("/aid/new?worker=worker4", "branch2");
        assertThat(choose).contains("value=\"EMERGENCY_AID\"").doesNotContain("value=\"LIFE_AID\"").contains("未建档");

        String form = page("/aid/new?worker=worker4&kind=EMERGENCY_AID", "branch2");
        assertThat(form).contains("name=\"workerUsername\"").contains("value=\"worker4\"");
        MvcResult posted = mvc.perform(multipart("/aid").param("workerUsername", "worker4").param("kind", "EMERGENCY_AID")
                        .param("basis", "600").param("fundId", steps.fundOf("branch2").getId().toString())
                        .param("reason", "突发车祸").param("payeeAccount", AidPageSteps.ACCOUNT)
                        .param("payeeBank", AidPageSteps.BANK).param("requestToken", UUID.randomUUID().toString())
                        .with(csrf()).with(steps.as("branch2")))
                .andExpect(status().is3xxRedirection()).andReturn();

        AidGrant grant = steps.grant(grantIdOf(posted));
        assertThat(grant.getFileId()).isNull();
        assertThat(grant.getBeneficiaryUsername()).isEqualTo("worker4");
        assertThat(grant.getTier()).isEqualTo("NONE");
        assertThat(page("/aid/{id}", "worker4", grant.getId())).contains("未建档职工", "600.00");
        mvc.perform(get("/aid/{id}", grant.getId()).with(steps.as("union1"))).andExpect(status().isForbidden());
    }
}
