package cn.hardshiprelief.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's headless Chromium at a given width, driving the application's real pages as a caseworker would:
 * it types into fields, chooses options and files, presses the buttons, and checks every page it sees for
 * accessibility ({@link Accessibility}) and for a horizontal scroll on a phone.
 */
public final class Browser implements AutoCloseable {

    public static final int DESKTOP = 1280;
    public static final int PHONE = 390;
    /** The height of the window: a phone's screen, roughly. */
    public static final int SCREEN_HEIGHT = 844;

    private static final List<Browser> OPEN = new CopyOnWriteArrayList<>();

    private final ChromeDriver driver;
    private final String baseUrl;
    private final int width;
    private final String person;

    private Browser(String baseUrl, int width, String person) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browsers.chromium().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--window-size=" + width + "," + SCREEN_HEIGHT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Browsers.driver().orElseThrow().toFile()).build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(new Dimension(width, SCREEN_HEIGHT));
        this.baseUrl = baseUrl;
        this.width = width;
        this.person = person;
        OPEN.add(this);
    }

    /** A browser at the width, logged in through the login form as the demo user. */
    public static Browser loggedIn(int port, int width, String username) {
        Browser browser = new Browser("http://localhost:" + port, width, username);
        browser.open("/login");
        browser.type("username", username);
        browser.type("password", "demo123");
        browser.press("登录");
        assertThat(browser.driver.getCurrentUrl()).as("logged in as %s", username).doesNotContain("/login");
        return browser;
    }

    /** A browser of someone who does not log in (the public notice). */
    public static Browser anonymous(int port, int width) {
        return new Browser("http://localhost:" + port, width, "anonymous");
    }

    static List<Browser> openBrowsers() {
        return List.copyOf(OPEN);
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return checked();
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String html() {
        return driver.getPageSource();
    }

    public Browser type(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Date inputs take their value as the browser's own widget would set it. */
    public Browser date(String name, String isoDate) {
        WebElement field = driver.findElement(By.name(name));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", field, isoDate);
        return this;
    }

    public Browser choose(String name, String value) {
        new Select(driver.findElement(By.name(name))).selectByValue(value);
        return this;
    }

    public Browser check(String name, String value) {
        WebElement box = driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!box.isSelected()) {
            click(box);
        }
        return this;
    }

    public Browser attach(String name, Path file) {
        driver.findElement(By.name(name)).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Presses the button (or link) whose visible text is exactly this, and checks the page that follows. */
    public Browser press(String label) {
        // a form's own buttons before links of the same text (the menu's 提交申请 is a link)
        WebElement button = java.util.stream.Stream.of("//main//button | //main//input[@type='submit']", "//summary", "//button", "//a")
                .flatMap(xpath -> driver.findElements(By.xpath(xpath)).stream())
                .filter(e -> label.equals(e.getText().strip()) || label.equals(e.getAttribute("value")))
                .filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError("No button '" + label + "' on " + path() + " for " + person));
        click(button);
        return checked();
    }

    /** Follows the first link whose address contains the text. */
    public Browser follow(String hrefPart) {
        WebElement link = driver.findElements(By.tagName("a")).stream()
                .filter(a -> a.getAttribute("href") != null && a.getAttribute("href").contains(hrefPart))
                .filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError("No link to " + hrefPart + " on " + path() + " for " + person));
        click(link);
        return checked();
    }

    /**
     * Moves the keyboard's focus with Tab, as a person without a mouse would, until it reaches the field named
     * {@code name} (and of that value, for a radio button); fails if 80 presses do not get there.
     */
    public Browser tabTo(String name, String value) {
        for (int i = 0; i < 80; i++) {
            driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            if (name.equals(focused.getAttribute("name")) && (value == null || value.equals(focused.getAttribute("value")))) {
                return this;
            }
        }
        throw new AssertionError("Tab never reached " + name + "=" + value + " on " + path());
    }

    /** Keys sent to whatever has the focus (a space ticks a radio, Enter in a field sends its form). */
    public Browser keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
        return this;
    }

    /** After a form was sent from the keyboard: the page that followed is checked like any other. */
    public Browser settled() {
        return checked();
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * Waits, as a person does, until the browser has arrived at an address matching {@code pathPattern}: a POST
     * answered by a redirect may still be under way when the click returns on a busy machine.
     */
    public Browser arriveAt(String pathPattern) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> path().matches(pathPattern));
        return checked();
    }

    /** Every page a journey sees: not an error page, no horizontal scroll on a phone, no serious a11y finding. */
    private Browser checked() {
        assertThat(driver.getTitle()).as("page %s for %s", path(), person).doesNotContain("HTTP Status")
                .doesNotContain("Whitelabel");
        if (width <= PHONE) {
            Number scrollWidth = (Number) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(scrollWidth.intValue()).as("no horizontal scroll at %d px on %s", width, path())
                    .isLessThanOrEqualTo(width + 1);
        }
        Accessibility.check(driver, path());
        return this;
    }

    /** Keeps a picture of the page as it is (target/browser-reports/screens/NAME-WIDTH.png), for people to look at. */
    public Browser screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Browsers.REPORTS.resolve("screens"));
            Files.write(folder.resolve(name + "-" + width + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far down the page (in CSS pixels) the button with this text starts. */
    public int topOf(String label) {
        return driver.findElements(By.xpath("//button")).stream().filter(b -> label.equals(b.getText().strip()))
                .findFirst().orElseThrow(() -> new AssertionError("No button " + label + " on " + path()))
                .getLocation().getY();
    }

    /** Runs a script in the page and gives back what it returns (numbers as Long or Double, lists as lists). */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Where the first element matching the CSS selector is on the page and how big it is. */
    public org.openqa.selenium.Rectangle box(String css) {
        return driver.findElement(By.cssSelector(css)).getRect();
    }

    void keepEvidence(String testName) {
        try {
            Path folder = Browsers.REPORTS.resolve(testName.replaceAll("[^\\p{L}\\p{N}._-]+", "_"));
            Files.createDirectories(folder);
            String name = person + "-" + width + "-" + path().replaceAll("[^\\p{L}\\p{N}._-]+", "_");
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("Could not keep the failing page", e));
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
        driver.quit();
    }
}
