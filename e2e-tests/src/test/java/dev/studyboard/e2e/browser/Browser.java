package dev.studyboard.e2e.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One session of a real headless Chromium, driven through its chromedriver (Selenium 4), on one site. Both come from
 * Debian's packages ({@code chromium}, {@code chromium-driver}; .ci/run installs them): with both paths given,
 * Selenium Manager is never asked and nothing is downloaded. Everything waits for a condition ({@link #until}), never
 * for a time.
 */
public final class Browser implements AutoCloseable {

    /** How long a page may take to show what a test waits for. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final URI site;

    private Browser(ChromeDriver driver, URI site) {
        this.driver = driver;
        this.site = site;
    }

    /** A new session, with a profile of its own (its own cookies): a second person is a second browser. */
    public static Browser open(URI site) {
        var installation = Installation.located();
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions()
                .setBinary(installation.chromium().toFile())
                .addArguments(
                        "--headless=new",
                        // CI runs as root, where Chromium's sandbox cannot start; the pages are our own
                        "--no-sandbox",
                        // /dev/shm is small in containers: shared memory goes to /tmp instead
                        "--disable-dev-shm-usage",
                        "--window-size=1280,1000",
                        "--lang=ko")
                .setExperimentalOption(
                        "prefs",
                        Map.of(
                                "intl.accept_languages",
                                "ko",
                                // no password manager: its prompts are not part of the page under test
                                "credentials_enable_service",
                                false,
                                "profile.password_manager_enabled",
                                false));
        return new Browser(new ChromeDriver(service, options), site);
    }

    /** The site's address, which a path like {@code /books/…} is relative to. */
    public URI site() {
        return site;
    }

    /** Goes to a path of the site ({@code /books/…}) or to a whole URL ({@code data:…}). */
    public void visit(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("/") ? site.resolve(pathOrUrl).toString() : pathOrUrl);
    }

    public void reload() {
        driver.navigate().refresh();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Whether the browser is on the site (rather than, say, the auth-server's login page). */
    public boolean onSite() {
        return url().startsWith(site.resolve("/").toString()); // with its slash: port 3456 is not 34567
    }

    /** Waits, up to {@link #PATIENCE}, until the condition gives something other than null or false. */
    public <T> T until(Function<WebDriver, T> condition) {
        return until(PATIENCE, condition);
    }

    public <T> T until(Duration patience, Function<WebDriver, T> condition) {
        return until(patience, () -> null, condition);
    }

    /** Waits, failing with {@code expectation} (worded when the wait fails) if the condition is not met in time. */
    public <T> T until(Duration patience, Supplier<String> expectation, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, patience)
                // often enough that a wait measures what it waited for (the live board's delay) to a tenth of a second
                .pollingEvery(Duration.ofMillis(50))
                // a page that htmx re-renders replaces elements under our feet: look again
                .ignoring(StaleElementReferenceException.class)
                .withMessage(expectation)
                .until(condition);
    }

    /** The element, once it is on the page. */
    public WebElement find(By locator) {
        return until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** The elements on the page now, without waiting: for asserting that something is absent. */
    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    /** Whether such an element is on the page now and shown. */
    public boolean shows(By locator) {
        return findAll(locator).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Clicks the element once it is shown and enabled, and returns it (to wait for it to be replaced). */
    public WebElement click(By locator) {
        return until(driver -> {
            var element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
            if (element != null) {
                element.click(); // stale if htmx replaced it meanwhile: then the wait looks again
            }
            return element;
        });
    }

    /** Types into a field, replacing what it held. */
    public void type(By locator, String text) {
        var field = until(ExpectedConditions.visibilityOfElementLocated(locator));
        field.clear();
        field.sendKeys(text);
    }

    /** Runs JavaScript in the page; {@code arguments[0]}… are the arguments. */
    public Object script(String javaScript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
    }

    /**
     * Runs JavaScript that answers later: it calls the last of its {@code arguments} with the result. Up to
     * {@link #PATIENCE}.
     */
    public Object asyncScript(String javaScript, Object... arguments) {
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return ((JavascriptExecutor) driver).executeAsyncScript(javaScript, arguments);
    }

    /** Saves what the window shows as a PNG. */
    public Path screenshot(Path file) {
        return write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves the page's HTML as it is now (after scripts changed it). */
    public Path savePage(Path file) {
        return write(file, driver.getPageSource().getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + file, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * Where Chromium and its chromedriver are: Debian's places, unless {@code -Dbrowser.chromium=…} /
     * {@code -Dbrowser.chromedriver=…} (or {@code BROWSER_CHROMIUM} / {@code BROWSER_CHROMEDRIVER}) name others.
     */
    record Installation(Path chromium, Path chromedriver) {

        static Installation located() {
            return located(System::getProperty, System::getenv);
        }

        static Installation located(UnaryOperator<String> properties, UnaryOperator<String> environment) {
            return new Installation(
                    executable(
                            "Chromium",
                            "browser.chromium",
                            "BROWSER_CHROMIUM",
                            "/usr/bin/chromium",
                            properties,
                            environment),
                    executable(
                            "chromedriver",
                            "browser.chromedriver",
                            "BROWSER_CHROMEDRIVER",
                            "/usr/bin/chromedriver",
                            properties,
                            environment));
        }

        private static Path executable(
                String what,
                String property,
                String variable,
                String debians,
                UnaryOperator<String> properties,
                UnaryOperator<String> environment) {
            var named = properties.apply(property);
            if (named == null || named.isBlank()) {
                named = environment.apply(variable);
            }
            var path = Path.of(named == null || named.isBlank() ? debians : named);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("No " + what + " at " + path + ". Install Debian's chromium and"
                        + " chromium-driver (apt-get install chromium chromium-driver, as .ci/run does), or name"
                        + " another with -D" + property + "=<path> or the environment variable " + variable + ".");
            }
            return path;
        }
    }
}
