package dev.earshot.recap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.Browser;
import dev.earshot.testing.DemoProfile;
import dev.earshot.testing.SignInSteps;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The recap in a real browser against the packaged jar in demo mode, on the sandbox's sample export imported through
 * the import page: real figures on every slide, the card, a share link opened signed out in a browser of its own, and
 * the same link gone once revoked. Takes the README's screenshots (desktop, phone, dark, the card).
 */
@QuarkusIntegrationTest
@TestProfile(DemoProfile.class)
class RecapBrowserIT {

    /** A full year the sample export covers. */
    private static final String YEAR = "2025";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void theRecapOfTheSampleExportShowsRealFiguresAndASharedLinkWorksSignedOutUntilRevoked() throws Exception {
        SignInSteps.signInToDemo(browser);
        importTheSampleExport();

        browser.open("/recap?year=" + YEAR);
        assertEquals(
                "Your " + YEAR,
                browser.driver().findElement(By.id("recap-title")).getText());
        long minutes = Long.parseLong(figure("minutes").replace(",", ""));
        assertTrue(minutes > 0, "minutes listened: " + minutes);
        List<WebElement> artists = browser.driver().findElements(By.cssSelector("[data-figure=top-artists] li"));
        assertFalse(artists.isEmpty(), "top artists");
        assertTrue(artists.size() <= 5);
        assertFalse(browser.driver()
                .findElements(By.cssSelector("[data-figure=top-tracks] li"))
                .isEmpty());
        assertTrue(figure("top-day").matches("[A-Z][a-z]+day \\d{1,2} [A-Z][a-z]+ " + YEAR), figure("top-day"));
        assertTrue(figure("top-hour").matches("Most often at \\d\\d:00"), figure("top-hour"));
        assertTrue(figure("streak").matches("\\d+ days?"), figure("streak"));
        screenshots();
        measure();

        browser.open("/recap?year=" + YEAR);
        browser.driver()
                .findElement(By.cssSelector(".share-form button[type=submit]"))
                .click();
        String url = browser.waitUntil(
                Duration.ofSeconds(10),
                "the new link",
                driver -> driver.findElement(By.id("share-url")).getAttribute("value"));
        assertTrue(url.startsWith(browser.baseUrl() + "/share/"), url);

        assertEquals("A listener's " + YEAR + " on Earshot", signedOutVisitorSees(url, "h1"));

        browser.open("/recap?year=" + YEAR);
        browser.driver().findElement(By.cssSelector(".share-revoke button")).click();
        browser.waitUntil(
                Duration.ofSeconds(10),
                "back on the recap",
                driver -> browser.path().equals("/recap"));
        assertTrue(
                browser.driver().findElements(By.cssSelector(".share-revoke")).isEmpty(), "no link left");
        assertEquals("This link does not work", signedOutVisitorSees(url, "h1"));
    }

    /** How long the server takes for the recap of the sample export, for the README (printed, not asserted). */
    private static void measure() {
        List<Long> millis = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            browser.open("/recap?year=" + YEAR);
            Number server = browser.script("const n = performance.getEntriesByType('navigation')[0];"
                    + " return n.responseEnd - n.requestStart;");
            millis.add(Math.round(server.doubleValue()));
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("[RecapBrowserIT] GET /recap?year=" + YEAR + " on the sample export, 10 loads: median "
                + sorted.get(sorted.size() / 2) + " ms, max " + sorted.get(sorted.size() - 1) + " ms " + millis);
    }

    private void importTheSampleExport() {
        browser.open("/history/import");
        browser.driver().findElement(By.id("import-sample")).click();
        browser.waitUntil(
                Duration.ofSeconds(120),
                "the sample export imported",
                driver -> "Done."
                        .equals(driver.findElement(By.id("import-progress-text"))
                                .getText()));
    }

    private void screenshots() {
        browser.resize(Browser.DESKTOP);
        browser.fullPageScreenshot("recap-desktop");
        browser.resize(Browser.PHONE);
        browser.open("/recap?year=" + YEAR);
        long overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(overflow <= 0, "nothing wider than a 390 px phone: " + overflow);
        browser.fullPageScreenshot("recap-phone");
        browser.resize(Browser.DESKTOP);
        ((ChromeDriver) browser.driver())
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.open("/recap?year=" + YEAR);
        browser.fullPageScreenshot("recap-dark");
        ((ChromeDriver) browser.driver())
                .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        browser.resize(new Browser.Viewport(RecapCard.WIDTH, RecapCard.HEIGHT, false));
        browser.open("/recap.svg?year=" + YEAR);
        browser.screenshot("recap-card");
        browser.resize(Browser.DESKTOP);
    }

    /** Opens the link in a browser of its own — no cookies, never signed in — and answers the text of one element. */
    private static String signedOutVisitorSees(String url, String tag) throws Exception {
        Path profile = Files.createTempDirectory("earshot-visitor-");
        ChromeDriver visitor = Browser.newDriver(profile);
        try {
            visitor.get(url);
            assertTrue(visitor.manage().getCookies().isEmpty(), "the shared page set no cookie");
            return visitor.findElement(By.tagName(tag)).getText();
        } finally {
            visitor.quit();
        }
    }

    private static String figure(String name) {
        return browser.driver()
                .findElement(By.cssSelector("[data-figure=" + name + "]"))
                .getText();
    }
}
