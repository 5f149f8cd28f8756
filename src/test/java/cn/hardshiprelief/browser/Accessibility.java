package cn.hardshiprelief.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every page a journey visits: the report goes to {@code target/axe/}, and a serious or critical
 * violation fails the journey. axe-core comes from the npm registry (.ci/run installs it and sets AXE_CORE_JS);
 * where it is missing the check is skipped on a developer's machine and required under CI.
 */
final class Accessibility {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPORTS = Path.of("target", "axe");
    private static final Optional<String> AXE = load();

    private Accessibility() {
    }

    static void check(WebDriver driver, String page) {
        if (AXE.isEmpty()) {
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Object result = null;
        for (int attempt = 1; result == null; attempt++) {
            loaded(js);
            try {
                js.executeScript(AXE.get());
                result = js.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)))
                           .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', description: String(e), nodes: []}])));
                        """);
            } catch (JavascriptException e) {
                // on a busy machine the page a click or a form brings may replace the one axe was put into
                // ("axe is not defined"): check the page that came, once it has loaded
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        try {
            JsonNode violations = JSON.readTree(String.valueOf(result));
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(page.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ".json"),
                    violations.toPrettyString(), StandardCharsets.UTF_8);
            List<String> serious = new ArrayList<>();
            for (JsonNode v : violations) {
                String impact = v.path("impact").asText();
                if ("serious".equals(impact) || "critical".equals(impact)) {
                    List<String> where = new ArrayList<>();
                    v.path("nodes").forEach(n -> where.add(n.path("target").toString()));
                    serious.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " at " + where);
                }
            }
            assertThat(serious).as("serious or critical accessibility violations on %s", page).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (at most 10 s) until the document in the window has loaded. */
    private static void loaded(JavascriptExecutor js) {
        long until = System.currentTimeMillis() + 10_000;
        while (!"complete".equals(js.executeScript("return document.readyState;")) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<String> load() {
        String configured = System.getenv("AXE_CORE_JS");
        Path path = configured == null || configured.isBlank() ? Path.of("target", "axe-core", "axe.min.js") : Path.of(configured);
        if (Files.isReadable(path)) {
            try {
                return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (Browsers.required()) {
            throw new IllegalStateException("axe-core is required here but " + path + " is missing: "
                    + "npm install axe-core and set AXE_CORE_JS to its axe.min.js (.ci/run does)");
        }
        return Optional.empty();
    }
}
