package cn.hardshiprelief.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;

/**
 * What every browser journey shares: the application on a port of its own (one context and engine,
 * {@code browserTests}, for all journeys), the people's browsers, closed after each journey.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=browserTests")
@ActiveProfiles("test")
@ExtendWith(Browsers.class)
abstract class JourneyTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    cn.hardshiprelief.support.EarlierStories earlierStories;

    private final List<Browser> browsers = new ArrayList<>();

    /** A worker has one household in progress or on file; the journeys before this one leave theirs. */
    @org.junit.jupiter.api.BeforeEach
    void workersFreeToApply() {
        List.of("worker1", "worker2", "worker3").forEach(earlierStories::closeHouseholdsOf);
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }

    /** The person's browser at the width, logged in through the login form. */
    Browser as(int width, String username) {
        return kept(Browser.loggedIn(port, width, username));
    }

    /** Someone who does not log in (the public notice). */
    Browser anonymous(int width) {
        return kept(Browser.anonymous(port, width));
    }

    private Browser kept(Browser browser) {
        browsers.add(browser);
        return browser;
    }
}
