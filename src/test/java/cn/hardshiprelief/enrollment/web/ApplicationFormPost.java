package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.TestIdNumbers;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The application form of {@code enrollment/form.html} as a browser sends it: multipart, with the
 * field names of the page. Starts complete and valid; a test changes the one field it is about.
 */
final class ApplicationFormPost {

    static final LocalDate SELF_BORN = LocalDate.of(1978, 5, 12);
    static final LocalDate CHILD_BORN = LocalDate.of(2010, 9, 1);

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<MockMultipartFile> files = new ArrayList<>();

    private ApplicationFormPost() {
    }

    /**
     * A household of two (the applicant earning 1800 yuan, a child at junior middle school), rented
     * housing, low income as the cause, a fresh request token and a PDF hardship certificate.
     */
    static ApplicationFormPost complete(String selfName) {
        ApplicationFormPost form = new ApplicationFormPost();
        form.with("requestToken", UUID.randomUUID().toString()).with("action", "submit");
        form.member(0, selfName, "SELF", TestIdNumbers.born(SELF_BORN), SELF_BORN, "EMPLOYED", "NONE", "1800.00");
        form.member(1, "张小明", "CHILD", TestIdNumbers.born(CHILD_BORN), CHILD_BORN, "STUDENT", "JUNIOR_MIDDLE", "0");
        form.with("hireDate", "2015-03-01").with("housingType", "RENTED").with("primaryCause", "LOW_INCOME")
                .with("account", "爱人失业，孩子上学，收入难以维持生活。");
        return form.file(Enrollments.pdf("生活困难证明.pdf"));
    }

    private void member(int i, String name, String relation, String idNumber, LocalDate born, String employment,
                        String schooling, String income) {
        String m = "members[" + i + "].";
        with(m + "name", name).with(m + "relation", relation).with(m + "idNumber", idNumber)
                .with(m + "birthDate", born.toString()).with(m + "health", "HEALTHY").with(m + "disability", "NONE")
                .with(m + "employment", employment).with(m + "schooling", schooling).with(m + "monthlyIncome", income);
    }

    ApplicationFormPost with(String field, String value) {
        fields.put(field, value);
        return this;
    }

    ApplicationFormPost file(MockMultipartFile file) {
        files.add(file);
        return this;
    }

    ApplicationFormPost withoutFiles() {
        files.clear();
        return this;
    }

    String get(String field) {
        return fields.get(field);
    }

    /** The full identity number of the applicant, which no page may show. */
    String selfIdNumber() {
        return get("members[0].idNumber");
    }

    /** What the pages show instead: the first three and last four characters. */
    String selfIdNumberMasked() {
        String id = selfIdNumber();
        return id.substring(0, 3) + "*".repeat(11) + id.substring(14);
    }

    MockMultipartHttpServletRequestBuilder postTo(String url) {
        MockMultipartHttpServletRequestBuilder request = multipart(url);
        files.forEach(request::file);
        fields.forEach(request::param);
        return request;
    }

    /** The label around a field's input: the input itself and the field's error message. */
    static String fieldBlock(String html, String field) {
        int input = html.indexOf("name=\"" + field + "\"");
        assertThat(input).as("the page has an input named %s", field).isNotNegative();
        return html.substring(html.lastIndexOf("<label", input), html.indexOf("</label>", input));
    }

    /** The id in a redirect to {@code /applications/{id}} (or {@code /applications/{id}/edit}). */
    static Long applicationIdIn(String redirectedUrl) {
        assertThat(redirectedUrl).matches("/applications/\\d+(/edit)?");
        return Long.valueOf(redirectedUrl.replaceAll("/applications/(\\d+).*", "$1"));
    }
}
