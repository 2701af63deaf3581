package dev.earshot.testing;

import io.restassured.RestAssured;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driven through chromedriver: register it with
 * {@code @RegisterExtension static final Browser browser = new Browser();}.
 *
 * <p>Uses the machine's own {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's
 * {@code chromium} and {@code chromium-driver}); nothing is downloaded. Where they are missing, each
 * test is skipped with the reason, so a laptop without Chromium still runs the rest of the build;
 * with {@code CI=true} a missing browser fails instead, so CI cannot go green without running these.
 * The paths can be moved with {@code -Dearshot.browser.chromium=...} and
 * {@code -Dearshot.browser.chromedriver=...}. Screenshots go to {@code target/screenshots/}, and a
 * failing test leaves one named after itself.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, TestWatcher {

    /** The size of the page's viewport in CSS pixels; a mobile one has overlay scrollbars, like a phone. */
    public record Viewport(int width, int height, boolean mobile) {}

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final Viewport DESKTOP = new Viewport(1280, 900, false);
    public static final Viewport PHONE = new Viewport(390, 844, true);

    private static final String CHROMIUM = System.getProperty("earshot.browser.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER =
            System.getProperty("earshot.browser.chromedriver", "/usr/bin/chromedriver");

    private Optional<String> missing = Optional.empty();
    private ChromeDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        forgetFailureScreenshots(context.getRequiredTestClass().getSimpleName());
        missing = missingExecutable()
                .map(path -> path + " is missing: install Debian's chromium and"
                        + " chromium-driver (apt-get install -y chromium chromium-driver) to run the browser tests");
        if (missing.isPresent()) {
            // Said once per class on the console too: a skip's reason otherwise hides in the XML report.
            System.err.println("[" + context.getRequiredTestClass().getSimpleName() + "] "
                    + (onCi() ? "FAILING" : "SKIPPING") + ": " + missing.get());
            return;
        }
        profile = Files.createTempDirectory("earshot-chromium-");
        driver = newDriver(profile);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        resize(DESKTOP);
    }

    /**
     * Decided per test rather than for the whole class, so each test is reported as skipped with
     * the reason (a class skipped in {@code beforeAll} shows up as zero tests run, with no reason).
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (missing.isPresent()) {
            if (onCi()) {
                Assertions.fail("CI=true and " + missing.get());
            }
            Assumptions.assumeTrue(false, missing.get());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                deleteTree(profile);
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver != null) {
            try {
                screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Which of the two executables is missing, if any. */
    /**
     * A headless Chromium with its own profile (so its own cookies), for tests that need several
     * independent browsers; the caller quits it. Only call when {@link #missingExecutable()} is empty.
     */
    public static ChromeDriver newDriver(Path profile) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--user-data-dir=" + profile,
                        "--window-size=" + DESKTOP.width() + "," + DESKTOP.height());
        // An explicit driver path keeps Selenium Manager from looking for (or downloading) a driver.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        return new ChromeDriver(service, options);
    }

    public static Optional<String> missingExecutable() {
        return Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(path -> !Files.isExecutable(Path.of(path)))
                .findFirst();
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * The app under test, as the browser must reach it: the loopback IP literal, like the sandbox's
     * redirect URI, because cookies are kept per host.
     */
    public String baseUrl() {
        // Quarkus sets the port around each test, so this is unknown in @BeforeAll.
        Assertions.assertTrue(RestAssured.port > 0, "the app's port is known only inside a test");
        return "http://127.0.0.1:" + RestAssured.port;
    }

    /** Opens a path of the app. */
    public void open(String path) {
        driver.get(baseUrl() + path);
    }

    /** The path of the page the browser shows. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * Sets the page's viewport exactly: even headless, a window's size includes some window chrome,
     * so the viewport is set through the DevTools protocol instead (it lasts until changed).
     */
    public void resize(Viewport viewport) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        viewport.width(),
                        "height",
                        viewport.height(),
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        viewport.mobile()));
    }

    /** Waits for a condition to answer something other than null or false; {@code what} explains a timeout. */
    public <T> T waitUntil(Duration timeout, Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .withMessage(what)
                .until(condition);
    }

    public <T> T waitUntil(Duration timeout, String what, Function<WebDriver, T> condition) {
        return waitUntil(timeout, () -> what, condition);
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** What the viewport shows, as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        return save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page from top to bottom at the current width, as {@code target/screenshots/<name>.png}. */
    public Path fullPageScreenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> clip =
                Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return save(name, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** An earlier run's failure screenshots of this class would mislead once it passes. */
    private static void forgetFailureScreenshots(String testClass) throws IOException {
        if (Files.isDirectory(SCREENSHOTS)) {
            try (Stream<Path> shots = Files.list(SCREENSHOTS)) {
                for (Path shot : (Iterable<Path>) shots::iterator) {
                    if (shot.getFileName().toString().startsWith("failed-" + testClass + "-")) {
                        Files.delete(shot);
                    }
                }
            }
        }
    }

    private static Path save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
