package cn.hardshiprelief.aid.web;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.AidQueries;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.Enrollments;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Steps of the aid page tests: households filed on the enterprise chain (worker1, granted by the company union
 * union1) or on the union route (worker3, granted by branch1), and the request form as a browser posts it.
 */
@Component
class AidPageSteps {

    static final String ACCOUNT = "6222020200112233445";
    static final String BANK = "中国工商银行示范县支行";

    private final Households households;
    private final Directory directory;
    private final Funds funds;
    private final AidQueries aid;
    private final AppUserDetailsService users;

    AidPageSteps(Households households, Directory directory, Funds funds, AidQueries aid,
                 AppUserDetailsService users) {
        this.households = households;
        this.directory = directory;
        this.funds = funds;
        this.aid = aid;
        this.users = users;
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** worker1's household, approved along the company's chain and filed after the five-day notice. */
    HouseholdFile filedByCompany() {
        return households.filed("worker1", Households.ENTERPRISE_CHAIN);
    }

    /** worker3's household on the union route: branch1 reviews and verifies, county1 approves. */
    HouseholdFile filedByUnion() {
        return households.filedOnTheUnionRoute("worker3", "branch1");
    }

    /** The id of the household member of that name (张小明 is the child at school in every test household). */
    String memberId(HouseholdFile file, String name) {
        return households.memberId(file, name).toString();
    }

    /** This year's fund of the file's granting union with the most money left. */
    Fund fundOf(String unionStaff) {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        return funds.ofUnion(directory.actor(unionStaff).orgUnitId(), year).stream()
                .max(Comparator.comparing(Fund::available)).orElseThrow();
    }

    /** The fund a grant to this household may draw on: of its branch union, or of the company's union. */
    Fund fundFor(HouseholdFile file) {
        return fundOf(file.getBranchUnion() != null ? "branch1" : "union1");
    }

    /**
     * The request form as the browser of {@code poster} posts it, with a fresh request token; {@code replaced}
     * holds pairs of field name and value that replace what the form would send (an empty value sends nothing
     * typed).
     */
    MockMultipartHttpServletRequestBuilder requestForm(HouseholdFile file, String poster, AidKind kind, String basis,
                                                       String reason, String... replaced) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fileId", file.getId().toString());
        fields.put("kind", kind.name());
        fields.put("basis", basis == null ? "" : basis);
        fields.put("fundId", fundFor(file).getId().toString());
        fields.put("reason", reason);
        fields.put("payeeAccount", ACCOUNT);
        fields.put("payeeBank", BANK);
        fields.put("requestToken", UUID.randomUUID().toString());
        for (int i = 0; i + 1 < replaced.length; i += 2) {
            fields.put(replaced[i], replaced[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder post = multipart("/aid");
        fields.forEach(post::param);
        post.with(csrf()).with(as(poster));
        return post;
    }

    static MockMultipartFile proof() {
        return new MockMultipartFile("proof", "票据.pdf", "application/pdf", Enrollments.PDF);
    }

    static Long grantIdOf(MvcResult redirected) {
        String url = redirected.getResponse().getRedirectedUrl();
        if (url == null || !url.matches("/aid/\\d+")) {
            throw new AssertionError("Expected a redirect to a grant, got " + url);
        }
        return Long.valueOf(url.substring("/aid/".length()));
    }

    List<AidGrant> grantsOf(HouseholdFile file) {
        return aid.ofFile(HouseholdFileId.required(file.getId()));
    }

    AidGrant grant(Long id) {
        return aid.grant(directory.actor("admin"), id);
    }
}
