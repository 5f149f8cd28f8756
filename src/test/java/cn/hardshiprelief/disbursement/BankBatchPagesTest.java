package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.audit.AccessSearch;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Households;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages of a fund's ledger, its bank batches and a household's ledger: who may open them (the owning union's
 * staff; for a household, its union and county union), the day with nothing to send, the batch file with full
 * accounts while pages mask them, and result files refused whole, with the line, when anything in them is wrong.
 */
@AppTest
class BankBatchPagesTest {

    private static final String ACCOUNT = "6222021234567890123";
    private static final String MASKED = "***************0123";

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Households households;
    @Autowired GrantsToPay grants;
    @Autowired PaymentRepository payments;
    @Autowired BankBatchRepository batches;
    @Autowired AccessLog accessLog;
    @Autowired Directory directory;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void aFundsLedgerIsOnlyForTheStaffOfItsOwnUnion() throws Exception {
        Fund fund = grants.fundOf("union1", FundSource.UNION_FUNDS);

        String page = mvc.perform(get("/funds/{id}", fund.getId()).with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(fund.getName()).contains("导出批次").contains("/funds/" + fund.getId() + "/ledger.xlsx");
        mvc.perform(get("/funds/{id}/ledger.xlsx", fund.getId()).with(as("union1")))
                .andExpect(status().isOk()).andExpect(content().contentType(XlsxFile.CONTENT_TYPE))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));

        for (String other : List.of("branch1", "county1", "chair1", "worker1")) {
            mvc.perform(get("/funds/{id}", fund.getId()).with(as(other))).andExpect(status().isForbidden());
            mvc.perform(get("/funds/{id}/ledger.xlsx", fund.getId()).with(as(other))).andExpect(status().isForbidden());
            mvc.perform(post("/funds/{id}/bank-batches", fund.getId()).with(as(other)).with(csrf())
                    .param("day", "2001-01-01")).andExpect(status().isForbidden());
        }
        mvc.perform(get("/funds/{id}", 99_999_999L).with(as("union1"))).andExpect(status().isNotFound());
        mvc.perform(get("/bank-batches/{id}", 99_999_999L).with(as("union1"))).andExpect(status().isNotFound());
        mvc.perform(get("/bank-batches/{id}.xlsx", 99_999_999L).with(as("union1"))).andExpect(status().isNotFound());
    }

    @Test
    void exportingADayWithNothingPendingSaysSoAndMakesNoBatch() throws Exception {
        Fund fund = grants.fundOf("union1", FundSource.UNION_FUNDS);
        long before = batches.count();

        MvcResult refused = mvc.perform(post("/funds/{id}/bank-batches", fund.getId()).with(as("union1")).with(csrf())
                        .param("day", "2001-01-01"))
                .andExpect(redirectedUrl("/funds/" + fund.getId()))
                .andExpect(flash().attribute("warning", "bank.nothingToExport"))
                .andExpect(flash().attribute("warningArg", "2001-01-01")).andReturn();

        assertThat(batches.count()).isEqualTo(before);
        // as a browser follows the redirect: the flash message waits in the session (the database), named by the cookie
        String page = mvc.perform(get("/funds/{id}", fund.getId()).with(as("union1"))
                        .cookie(refused.getResponse().getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("该资金在 2001-01-01 没有待发送银行的付款");
    }

    @Test
    void aResultFileWithAnythingWrongIsRefusedWholeWithItsLineAndTheRightOneIsAppliedOnce() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Fund fund = grants.fundOf("union1", FundSource.UNION_FUNDS);
        AidGrant first = grants.paying("union1", file, AidKind.LIFE_AID, null, fund, ACCOUNT);
        Long firstBatch = exported(fund);
        AidGrant second = grants.paying("union1", file, AidKind.EMERGENCY_AID, "600", fund, ACCOUNT);
        Long secondBatch = exported(fund);
        String key = payments.findByGrantIdOrderByIdAsc(first.getId()).get(0).getPaymentKey();
        String otherKey = payments.findByGrantIdOrderByIdAsc(second.getId()).get(0).getPaymentKey();
        List<String> header = List.of("付款编号", "收款人", "处理结果", "失败原因");

        assertRefused(firstBatch, "回盘.xlsx", "这不是表格".getBytes(StandardCharsets.UTF_8), "银行回盘文件无法读取");
        assertRefused(firstBatch, "回盘.xlsx", xlsx(List.of(List.of("付款编号", "处理结果"), List.of(key, "成功"))),
                "银行回盘文件缺少列「失败原因」");
        assertRefused(firstBatch, "回盘.xlsx", xlsx(List.of(header, List.of(key, "张伟", "成功", ""),
                List.of("G99999999-1", "张伟", "成功", ""))), "第 3 行的付款编号 G99999999-1 不存在");
        assertRefused(firstBatch, "回盘.xlsx", xlsx(List.of(header, List.of(key, "张伟", "成功", ""),
                List.of(otherKey, "张伟", "成功", ""))), "第 3 行的付款编号 " + otherKey + " 不在该批次中");
        assertRefused(firstBatch, "回盘.xlsx", xlsx(List.of(header, List.of(key, "张伟", "OK", ""))),
                "第 2 行的处理结果「OK」无法识别");
        assertRefused(firstBatch, "回盘.xlsx", xlsx(List.of(header, List.of(key, "张伟", "失败", ""))),
                "第 2 行处理结果为失败，请填写失败原因");
        assertRefused(firstBatch, "回盘.xlsx", new byte[10 * 1024 * 1024 + 1], "超过 10 MB");
        String english = mvc.perform(multipart("/bank-batches/{id}/result", firstBatch).file(result("r.xlsx",
                        xlsx(List.of(header, List.of("G99999999-1", "张伟", "SUCCESS", ""))))).param("lang", "en")
                        .with(as("union1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Line 2: there is no payment G99999999-1.");

        assertThat(grants.reload(first).getStatus()).as("nothing applied").isEqualTo(GrantStatus.PAYING);
        assertThat(payments.findByGrantIdOrderByIdAsc(first.getId()).get(0).getStatus()).isEqualTo(PaymentStatus.EXPORTED);

        byte[] good = xlsx(List.of(header, List.of(key, "张伟", "FAILED", "<script>alert(1)</script>户名不符")));
        for (int upload = 1; upload <= 2; upload++) {
            MvcResult done = mvc.perform(multipart("/bank-batches/{id}/result", firstBatch).file(result("r.xlsx", good))
                            .with(as("union1")).with(csrf()))
                    .andExpect(redirectedUrl("/bank-batches/" + firstBatch))
                    .andExpect(flash().attribute("success", "bankBatch.result.imported")).andReturn();
            BankResults.Summary summary = (BankResults.Summary) done.getFlashMap().get("resultSummary");
            assertThat(summary.failed()).isEqualTo(upload == 1 ? 1 : 0);
            assertThat(summary.skipped()).isEqualTo(upload == 1 ? List.of() : List.of(key));
            String page = mvc.perform(get("/bank-batches/{id}", firstBatch).with(as("union1"))
                    .cookie(done.getResponse().getCookie("SESSION"))).andReturn().getResponse().getContentAsString();
            assertThat(page).contains(upload == 1 ? "成功 0 笔，失败 1 笔，跳过 0 笔" : "成功 0 笔，失败 0 笔，跳过 1 笔");
        }
        assertThat(grants.reload(first).getStatus()).isEqualTo(GrantStatus.PAYMENT_FAILED);
        String ledger = mvc.perform(get("/funds/{id}", fund.getId()).with(as("union1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(ledger).contains("&lt;script&gt;alert(1)&lt;/script&gt;户名不符").doesNotContain("<script>alert(1)");
        assertThat(grants.reload(second).getStatus()).as("the other batch's payment").isEqualTo(GrantStatus.PAYING);

        mvc.perform(multipart("/bank-batches/{id}/result", secondBatch).file(result("r.xlsx", good))
                .with(as("branch1")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theBatchFileCarriesFullAccountsForTheBankWhileThePagesMaskThem() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Fund fund = grants.fundOf("union1", FundSource.UNION_FUNDS);
        AidGrant grant = grants.paying("union1", file, AidKind.LIFE_AID, null, fund, ACCOUNT);
        Long batch = exported(fund);

        byte[] downloaded = mvc.perform(get("/bank-batches/{id}.xlsx", batch).with(as("union1")))
                .andExpect(status().isOk()).andExpect(content().contentType(XlsxFile.CONTENT_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(BankBatchRoundTripTest.cells(downloaded)).anySatisfy(row -> assertThat(row)
                .contains(ACCOUNT, "生活救助 " + grant.getGrantNumber()));

        String batchPage = mvc.perform(get("/bank-batches/{id}", batch).with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(batchPage).contains(MASKED).doesNotContain(ACCOUNT).contains("/aid/" + grant.getId());
        String fundPage = mvc.perform(get("/funds/{id}", fund.getId()).with(as("union1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fundPage).contains(MASKED).doesNotContain(ACCOUNT);

        byte[] ledger = mvc.perform(get("/funds/{id}/ledger.xlsx", fund.getId()).with(as("union1")))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> ledgerRows = BankBatchRoundTripTest.cells(ledger);
        assertThat(ledgerRows.get(0)).startsWith("付款编号", "救助编号", "救助类别", "收款人", "收款账号");
        assertThat(ledgerRows).anySatisfy(row -> assertThat(row).contains("G" + grant.getId() + "-1", MASKED, "已发送银行"))
                .noneSatisfy(row -> assertThat(row).contains(ACCOUNT));

        mvc.perform(get("/bank-batches/{id}", batch).with(as("branch1"))).andExpect(status().isForbidden());
        mvc.perform(get("/bank-batches/{id}.xlsx", batch).with(as("county1"))).andExpect(status().isForbidden());
        String batchNumber = batches.findById(batch).orElseThrow().getBatchNumber();
        assertThat(accessLog.search(directory.actor("admin"), new AccessSearch(null, AccessLogEntry.Kind.BANK_BATCH_FILE,
                null, null, batchNumber), 0)).singleElement().satisfies(a -> {
                    assertThat(a.username()).isEqualTo("union1");
                    assertThat(a.recordId()).isEqualTo(batch);
                });
    }

    @Test
    void aHouseholdsLedgerIsForItsUnionAndCountyUnionOnly() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Fund fund = grants.fundOf("union1", FundSource.UNION_FUNDS);
        AidGrant grant = grants.paying("union1", file, AidKind.EMERGENCY_AID, "500", fund, ACCOUNT);

        for (String staff : List.of("union1", "county1", "chair1")) {
            String page = mvc.perform(get("/households/{id}/ledger", file.getId()).with(as(staff)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains(file.getFileNumber()).contains(grant.getGrantNumber()).contains(MASKED)
                    .contains("G" + grant.getId() + "-1").doesNotContain(ACCOUNT);
        }
        mvc.perform(get("/households/{id}/ledger.xlsx", file.getId()).with(as("union1")))
                .andExpect(status().isOk()).andExpect(content().contentType(XlsxFile.CONTENT_TYPE));
        for (String other : List.of("branch1", "branch2", "worker1", "worker3")) {
            mvc.perform(get("/households/{id}/ledger", file.getId()).with(as(other))).andExpect(status().isForbidden());
            mvc.perform(get("/households/{id}/ledger.xlsx", file.getId()).with(as(other)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/households/{id}/ledger", 99_999_999L).with(as("union1"))).andExpect(status().isNotFound());
    }

    // --- steps

    /** The union exports today's batch of the fund through the page; returns the new batch's id. */
    private Long exported(Fund fund) throws Exception {
        String location = mvc.perform(post("/funds/{id}/bank-batches", fund.getId()).with(as("union1")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "bankBatch.exported"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/bank-batches/");
        return Long.valueOf(location.substring("/bank-batches/".length()));
    }

    private void assertRefused(Long batch, String name, byte[] content, String message) throws Exception {
        String page = mvc.perform(multipart("/bank-batches/{id}/result", batch).file(result(name, content))
                        .with(as("union1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(message);
    }

    private static MockMultipartFile result(String name, byte[] content) {
        return new MockMultipartFile("file", name, XlsxFile.CONTENT_TYPE, content);
    }

    static byte[] xlsx(List<List<String>> rows) throws IOException {
        return cn.hardshiprelief.support.Xlsx.of(rows);
    }
}
