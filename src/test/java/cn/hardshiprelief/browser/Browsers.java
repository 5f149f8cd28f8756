package cn.hardshiprelief.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Debian's chromium and chromium-driver (installed by .ci/run). Journeys run where both are installed; without
 * them they are skipped on a developer's machine with a message saying how to install them, and fail under CI
 * (CI=true) or with HARDSHIP_REQUIRE_BROWSER=true, so a CI run never counts a skipped journey as passed. A
 * failing journey leaves a screenshot and the page's HTML of every open browser under
 * {@code target/browser-reports/}.
 */
public final class Browsers implements ExecutionCondition, AfterTestExecutionCallback {

    static final Path REPORTS = Path.of("target", "browser-reports");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (chromium().isPresent() && driver().isPresent()) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
        }
        String install = "install them: apt-get install chromium chromium-driver";
        if (required()) {
            throw new IllegalStateException("Browser journeys are required here, but chromium or chromedriver is missing; "
                    + install);
        }
        return ConditionEvaluationResult.disabled("No chromium/chromedriver; " + install + " (set CI=true to require)");
    }

    /** Before the test's own clean-up closes its browsers. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            String name = context.getRequiredTestMethod().getName() + "-" + context.getDisplayName();
            Browser.openBrowsers().forEach(browser -> browser.keepEvidence(name));
        }
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("HARDSHIP_REQUIRE_BROWSER"));
    }

    static Optional<Path> chromium() {
        return firstExisting(System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    static Optional<Path> driver() {
        return firstExisting(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver");
    }

    private static Optional<Path> firstExisting(String... candidates) {
        return java.util.Arrays.stream(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }
}
