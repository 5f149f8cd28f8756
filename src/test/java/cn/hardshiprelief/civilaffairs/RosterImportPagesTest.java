package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.person.IdentityNumberCipher;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static cn.hardshiprelief.civilaffairs.RosterFiles.CHINESE_HEADER;
import static cn.hardshiprelief.civilaffairs.RosterFiles.csv;
import static cn.hardshiprelief.civilaffairs.RosterFiles.idNumber;
import static cn.hardshiprelief.civilaffairs.RosterFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The import pages: who may open them, uploading a roster, following its progress, reading its report. */
@AppTest
class RosterImportPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserDetailsService users;
    @Autowired
    Directory directory;
    @Autowired
    RosterImports imports;
    @Autowired
    RosterImportRepository importRepository;
    @Autowired
    CivilAffairsRoster roster;
    @Autowired
    IdentityNumberCipher cipher;
    @Autowired
    Clock clock;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** Uploads as branch1 and returns the progress page's address the upload redirected to. */
    private String uploaded(String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/civil-affairs/imports")
                        .file(new MockMultipartFile("file", fileName, "text/csv", content))
                        .with(as("branch1")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/civil-affairs/imports/*"))
                .andExpect(flash().attribute("success", "civilaffairs.import.started"))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private RosterImport finished(String progressPage) {
        Long id = Long.valueOf(progressPage.substring(progressPage.lastIndexOf('/') + 1));
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> imports.view(directory.actor("branch1"), id), i -> !i.isRunning());
    }

    @Test
    void aWorkerGetsForbiddenForTheImportPagesAndTheUpload() throws Exception {
        mvc.perform(get("/civil-affairs/imports").with(as("worker1"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/civil-affairs/imports")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", utf8(csv(CHINESE_HEADER))))
                        .with(as("worker1")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void branchAndCountyUnionStaffAndAdministratorsOpenTheUploadForm() throws Exception {
        String html = page("/civil-affairs/imports", "branch1");

        assertThat(html).contains("民政名单导入", "enctype=\"multipart/form-data\"", "name=\"file\"", "name=\"_csrf\"",
                "身份证号、姓名、行政区划");
        assertThat(html).containsPattern("(尚未导入民政名单|共 [\\d,]+ 条记录，来自第 \\d+ 次导入，替换于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d)");
        page("/civil-affairs/imports", "county1");
        assertThat(page("/civil-affairs/imports?lang=en", "admin")).contains("Civil-affairs roster import");
    }

    @Test
    void aGoodCsvUploadReplacesTheRosterInTheBackgroundAndMatchingFindsThePerson() throws Exception {
        String zhouLi = idNumber(LocalDate.of(1968, 4, 2));

        String progressPage = uploaded("低保名单.csv", utf8(csv(CHINESE_HEADER,
                zhouLi + ",周丽,110105,低保边缘,420.00,2024-01-01,",
                idNumber(LocalDate.of(1971, 8, 15)) + ",孙杰,110106,低保,860,2024-01-01,2025-12-31")));
        RosterImport done = finished(progressPage);

        assertThat(done.getState()).isEqualTo(RosterImportState.SUCCEEDED);
        assertThat(done.getRowsWritten()).isEqualTo(2);
        assertThat(roster.snapshot().entryCount()).isEqualTo(2);
        assertThat(roster.match(List.of(new Person(cipher.hash(zhouLi), "周莉", "110105")), LocalDate.of(2024, 6, 1)))
                .singleElement().satisfies(match -> {
                    assertThat(match.status()).isEqualTo(RosterStatus.NEAR_DIBAO);
                    assertThat(match.rosterName()).isEqualTo("周丽");
                    assertThat(match.nameDiffers()).isTrue();
                    assertThat(match.regionDiffers()).isFalse();
                });
        String html = page(progressPage, "branch1");
        assertThat(html).contains("低保名单.csv", "导入成功", "当前名单已替换为本文件的 2 条记录")
                .doesNotContain("data-follow");
        assertThat(page("/civil-affairs/imports", "county1")).contains("低保名单.csv", "共 2 条记录");
    }

    @Test
    void aBadFileShowsTheLineByLineReportInTheUsersLanguageAndLeavesTheRosterAsItWas() throws Exception {
        finished(uploaded("good.csv", utf8(csv(CHINESE_HEADER,
                idNumber(LocalDate.of(1980, 2, 2)) + ",郑华,110105,低保,860,2024-01-01,"))));
        RosterSnapshot before = roster.snapshot();
        String id = idNumber(LocalDate.of(1985, 5, 5));

        String progressPage = uploaded("bad.csv", utf8(csv(CHINESE_HEADER,
                id + ",吴刚,110105,五保,860,2024-01-01,",
                id + ",吴刚,110105,低保,86.123,2024-07-01,2024-01-01")));
        RosterImport refused = finished(progressPage);

        assertThat(refused.getState()).isEqualTo(RosterImportState.REJECTED);
        assertThat(roster.snapshot()).isEqualTo(before);
        String html = page(progressPage, "branch1");
        assertThat(html).contains("文件中有 3 处问题，未导入任何数据",
                "<td class=\"num\">2</td>", "救助类别", "救助类别“五保”无法识别",
                "<td class=\"num\">3</td>", "月救助金额最多两位小数（86.123）", "截止日期早于起始日期 2024-07-01");
        assertThat(page(progressPage + "?lang=en", "branch1")).contains("The file has 3 problems",
                "Unknown status &quot;五保&quot;", "The end date is before the start date 2024-07-01");
    }

    @Test
    void whileAnImportRunsItsPageRefreshesItselfAndShowsTheProgress() throws Exception {
        RosterImport running = importRepository.save(RosterImport.queued("slow.xlsx", RosterFormat.XLSX,
                directory.actor("branch1"), clock.instant()));
        try {
            String html = page("/civil-affairs/imports/" + running.getId(), "county1");

            assertThat(html).contains("data-follow=\"2\"", "/js/follow.js", "<progress", "正在导入",
                    "slow.xlsx", "排队中");
        } finally {
            RosterImport stored = importRepository.findById(running.getId()).orElseThrow();
            stored.fail("civilaffairs.failure.interrupted", clock.instant());
            importRepository.save(stored);
        }
    }

    @Test
    void anUploadThatIsNoRosterFileIsSentBackWithAMessage() throws Exception {
        mvc.perform(multipart("/civil-affairs/imports")
                        .file(new MockMultipartFile("file", "证明.pdf", "application/pdf", utf8("%PDF-1.4")))
                        .with(as("branch1")).with(csrf()))
                .andExpect(redirectedUrl("/civil-affairs/imports"))
                .andExpect(flash().attribute("warning", "civilaffairs.upload.wrongType"))
                .andExpect(flash().attribute("warningArg", "证明.pdf"));
        mvc.perform(multipart("/civil-affairs/imports").with(as("branch1")).with(csrf()))
                .andExpect(redirectedUrl("/civil-affairs/imports"))
                .andExpect(flash().attribute("warning", "civilaffairs.upload.noFile"));
    }

    @Test
    void anUnknownImportIsANotFoundPage() throws Exception {
        mvc.perform(get("/civil-affairs/imports/987654").with(as("branch1"))).andExpect(status().isNotFound());
    }
}
