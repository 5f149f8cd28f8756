package cn.hardshiprelief.support;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page of a person's inbox (/tasks), one after the other, as they would page through it: the inbox shows 20
 * tasks a page, oldest first, and the tests of one shared context leave many tasks, so a new one is rarely on the
 * first page.
 */
public final class InboxPages {

    private static final int MOST_PAGES = 500;

    private InboxPages() {
    }

    /** The pages' HTML joined; each must answer 200. */
    public static String all(MockMvc mvc, RequestPostProcessor as) throws Exception {
        StringBuilder pages = new StringBuilder();
        for (int page = 0; page < MOST_PAGES; page++) {
            var response = mvc.perform(get("/tasks").param("page", String.valueOf(page)).with(as)).andReturn()
                    .getResponse();
            if (response.getStatus() != 200) {
                throw new AssertionError("/tasks?page=" + page + " answered " + response.getStatus());
            }
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            pages.append(html);
            if (!html.contains("rel=\"next\"")) {
                return pages.toString();
            }
        }
        throw new AssertionError("More than " + MOST_PAGES + " inbox pages");
    }
}
