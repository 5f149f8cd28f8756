package cn.hardshiprelief.fund;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidGrantRepository;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.AidRequestForm;
import cn.hardshiprelief.aid.AidRequests;
import cn.hardshiprelief.aid.AidTasks;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.disbursement.BankBatch;
import cn.hardshiprelief.disbursement.BankBatchRoundTripTest;
import cn.hardshiprelief.disbursement.BankBatches;
import cn.hardshiprelief.disbursement.BankResults;
import cn.hardshiprelief.disbursement.Disbursement;
import cn.hardshiprelief.disbursement.Payment;
import cn.hardshiprelief.disbursement.PaymentStatus;
import cn.hardshiprelief.disbursement.XlsxFile;
import org.springframework.mock.web.MockMultipartFile;
import cn.hardshiprelief.disbursement.PaymentRepository;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.support.MySqlDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import cn.hardshiprelief.security.AppUserDetailsService;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aid on MySQL/MariaDB. Two payments, or two requests, against one fund that cannot carry both, with InnoDB's
 * row locks: the first holds the fund's row until it commits, the second waits, re-reads the committed
 * figures and is refused. Nothing is paid or reserved twice, whatever the timing. And the pages that price
 * aid (the request form, a campaign's preview) run in read-only transactions, which MySQL enforces.
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(properties = {
        MySqlDatabase.TEST_CRYPTO_KEY,
        "camunda.bpm.process-engine-name=mysqlFundTests",
        "camunda.bpm.job-execution.enabled=false",
        "hardship.demo-data=true",
        "hardship.demo-households=false",
        "hardship.storage.dir=target/test-uploads-mysql"})
@ActiveProfiles("mysql")
@AutoConfigureMockMvc
class MySqlAidTest {

    private static final String ACCOUNT = "6222020200112233445";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = MySqlDatabase.freshDatabase("hardship_funds_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MySqlDatabase.USER);
        registry.add("spring.datasource.password", () -> MySqlDatabase.PASSWORD);
    }

    @Autowired Households households;
    @Autowired AidRequests requests;
    @Autowired AidTasks tasks;
    @Autowired AidGrantRepository grants;
    @Autowired Disbursement disbursement;
    @Autowired PaymentRepository payments;
    @Autowired FundRepository fundRepository;
    @Autowired Funds funds;
    @Autowired Directory directory;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired BankBatches bankBatches;
    @Autowired BankResults bankResults;
    @Autowired AppUserDetailsService users;

    private Fund fund(FundSource source) {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        return fundRepository.findByUnionIdAndYearOrderBySourceAsc(directory.actor("union1").orgUnitId(), year).stream()
                .filter(f -> f.getSource() == source).findFirst().orElseThrow();
    }

    private Fund reload(Fund fund) {
        return fundRepository.findById(fund.getId()).orElseThrow();
    }

    private AidGrant requested(HouseholdFile file, Fund fund, String emergencyAmount) {
        return requests.request(directory.actor("union1"), new AidRequestForm(file.getId(), null, AidKind.EMERGENCY_AID,
                null, null, new BigDecimal(emergencyAmount), fund.getId(), "突发灾害", ACCOUNT, "中国工商银行",
                UUID.randomUUID().toString()), null);
    }

    @Test
    void twoPaymentsThatTogetherWouldOverspendACutBudgetPayOnlyTheFirst() throws Exception {
        assertThat(jdbc.queryForObject("select database()", String.class)).isEqualTo(MySqlDatabase.databaseName("hardship_funds_it"));
        Fund fund = fund(FundSource.LOCAL_FINANCE);
        AidGrant first = requested(households.filed("worker1", Households.ENTERPRISE_CHAIN), fund, "1500");
        AidGrant second = requested(households.filed("worker2", Households.ENTERPRISE_CHAIN.stream()
                .map(r -> r.equals("head1") ? "head2" : r).toList()), fund, "1500");
        tasks.decide(directory.actor("union2"), first.getId(), true, "同意");
        tasks.decide(directory.actor("union2"), second.getId(), true, "同意");
        // the local finance bureau cuts the budget after both were approved: room for one payment only
        funds.changeBudget(directory.actor("union1"), fund.getId(), reload(fund).getPaid().add(new BigDecimal("2000.00")));
        BigDecimal paidBefore = reload(fund).getPaid();

        CountDownLatch firstPaidNotCommitted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Void> payFirst = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            disbursement.disburse(first.getId());
            firstPaidNotCommitted.countDown();
            await(commitFirst);
        }));
        assertThat(firstPaidNotCommitted.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Throwable> paySecond = CompletableFuture.supplyAsync(() -> {
            try {
                disbursement.disburse(second.getId());
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(500); // the second payment is now waiting for the fund's row
        assertThat(paySecond).isNotDone();
        commitFirst.countDown();
        payFirst.get(30, TimeUnit.SECONDS);

        assertThat(paySecond.get(30, TimeUnit.SECONDS)).isInstanceOf(FundExhaustedException.class);
        assertThat(payments.countByGrantId(first.getId())).isEqualTo(1);
        assertThat(payments.countByGrantId(second.getId())).isZero();
        assertThat(grants.findById(second.getId()).orElseThrow().getStatus()).isEqualTo(GrantStatus.APPROVED);
        assertThat(reload(fund).getPaid()).isEqualByComparingTo(paidBefore.add(new BigDecimal("1500.00")));
        assertThat(reload(fund).getPaid()).isLessThanOrEqualTo(reload(fund).getBudget());
    }

    @Test
    void twoRequestsThatTogetherWouldOverspendTheFundReserveOnlyOnce() throws Exception {
        Fund fund = fund(FundSource.DONATIONS);
        HouseholdFile one = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        HouseholdFile two = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Fund now = reload(fund);
        funds.changeBudget(directory.actor("union1"), fund.getId(),
                now.getPaid().add(now.getReserved()).add(new BigDecimal("4000.00")));
        BigDecimal reservedBefore = reload(fund).getReserved();

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Object> a = CompletableFuture.supplyAsync(() -> attempt(start, one, fund));
        CompletableFuture<Object> b = CompletableFuture.supplyAsync(() -> attempt(start, two, fund));
        start.countDown();
        Object resultA = a.get(60, TimeUnit.SECONDS);
        Object resultB = b.get(60, TimeUnit.SECONDS);

        assertThat(java.util.List.of(resultA, resultB)).filteredOn(r -> r instanceof AidGrant).hasSize(1);
        assertThat(java.util.List.of(resultA, resultB)).filteredOn(r -> r instanceof FundExhaustedException).hasSize(1);
        assertThat(reload(fund).getReserved()).isEqualByComparingTo(reservedBefore.add(new BigDecimal("3000.00")));
    }

    @Test
    void twoCaseworkersAskingForTheSameOnceAYearTripHomeAtOnceGetOneGrant() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Fund fund = fund(FundSource.UNION_FUNDS);
        CountDownLatch start = new CountDownLatch(1);
        java.util.function.Supplier<Object> tripHome = () -> {
            await(start);
            try {
                return requests.request(directory.actor("union1"), new AidRequestForm(file.getId(), null,
                        AidKind.TRAVEL_HOME, null, null, new BigDecimal("380.00"), fund.getId(), "春节返乡探亲",
                        ACCOUNT, "中国工商银行", UUID.randomUUID().toString()),
                        new org.springframework.mock.web.MockMultipartFile("proof", "车票.pdf", "application/pdf",
                                cn.hardshiprelief.support.Enrollments.PDF));
            } catch (RuntimeException e) {
                return e;
            }
        };
        CompletableFuture<Object> a = CompletableFuture.supplyAsync(tripHome);
        CompletableFuture<Object> b = CompletableFuture.supplyAsync(tripHome);
        start.countDown();
        java.util.List<Object> results = java.util.List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));

        assertThat(results).filteredOn(r -> r instanceof AidGrant).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof cn.hardshiprelief.shared.BusinessException).singleElement()
                .satisfies(e -> assertThat(((cn.hardshiprelief.shared.BusinessException) e).getMessageKey())
                        .isIn("aid.duplicateOnce", "aid.check.duplicate"));
        assertThat(grants.findByFileIdOrderByRequestedAtDesc(file.getId())).hasSize(1);
    }

    @Test
    void aGrantGoesToTheBankAndBackOnMySql() throws Exception {
        Fund fund = fund(FundSource.CENTRAL_FINANCE);
        AidGrant grant = requested(households.filed("worker1", Households.ENTERPRISE_CHAIN), fund, "800");
        tasks.decide(directory.actor("union2"), grant.getId(), true, "同意");
        disbursement.disburse(grant.getId());
        Payment payment = payments.findByGrantIdOrderByIdAsc(grant.getId()).get(0);

        BankBatch batch = bankBatches.export(directory.actor("union1"), fund.getId(), bankBatches.today());
        assertThat(payments.findById(payment.getId()).orElseThrow().getStatus()).isEqualTo(PaymentStatus.EXPORTED);
        BankResults.Summary summary = bankResults.importResult(directory.actor("union1"), batch.getId(),
                new MockMultipartFile("file", "回盘.xlsx", XlsxFile.CONTENT_TYPE, BankBatchRoundTripTest.resultFile(
                        java.util.Map.of(payment.getPaymentKey(), new String[] {"成功", ""}))));

        assertThat(summary.confirmed()).isEqualTo(1);
        assertThat(grants.findById(grant.getId()).orElseThrow().getStatus()).isEqualTo(GrantStatus.PAID);
        assertThat(payments.findById(payment.getId()).orElseThrow().getStatus()).isEqualTo(PaymentStatus.CONFIRMED);
    }

    @Test
    void theRequestFormAndTheCampaignPreviewPriceAidInsideReadOnlyTransactions() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);

        String form = mvc.perform(get("/aid/new").param("fileId", file.getId().toString()).param("kind", "LIFE_AID")
                        .with(user(users.loadUserByUsername("union1"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("生活救助").contains("name=\"fundId\"");

        String preview = mvc.perform(post("/campaigns/preview").param("holiday", "SPRING_FESTIVAL")
                        .param("title", "春节送温暖").with(user(users.loadUserByUsername("union1"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains(file.getFileNumber());
    }

    private Object attempt(CountDownLatch start, HouseholdFile file, Fund fund) {
        await(start);
        try {
            return requested(file, fund, "3000");
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
