package dev.earshot.historypages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.Browser;
import dev.earshot.testing.DemoProfile;
import dev.earshot.testing.SignInSteps;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The history pages in headless Chromium against the packaged jar in demo mode: sign in through the sandbox, import
 * the sample export, and read the history in the browser's own time zone.
 */
@QuarkusIntegrationTest
@TestProfile(DemoProfile.class)
class HistoryBrowserIT {

    /** A zone without daylight saving and far from UTC, so a page in UTC could not pass for it. */
    private static final String BROWSER_ZONE = "Asia/Tokyo";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void theHistoryOfTheSampleExportInTheBrowsersZoneAndOneArtist() {
        SignInSteps.signInToDemo(browser);
        importTheSampleExport();
        cdp("Emulation.setTimezoneOverride", Map.of("timezoneId", BROWSER_ZONE));
        browser.resize(Browser.DESKTOP);

        browser.open("/dashboard");
        browser.driver().findElement(By.linkText("Your listening over time")).click();
        // timezone.js finds the page rendered in UTC, remembers the browser's zone and reloads once.
        browser.waitUntil(
                Duration.ofSeconds(10),
                () -> "the page in " + BROWSER_ZONE + ", not " + text("zone-note"),
                driver -> text("zone-note").contains(BROWSER_ZONE));
        assertEquals("/history", browser.path());
        assertEquals(
                BROWSER_ZONE,
                browser.driver().manage().getCookieNamed(ViewerZone.COOKIE).getValue());
        assertTrue(text("clock-caption").endsWith("times in " + BROWSER_ZONE), text("clock-caption"));
        assertFalse(text("clock-caption").startsWith("Based on 0 plays"), text("clock-caption"));

        String plays = browser.driver()
                .findElement(By.cssSelector("#totals .total:nth-child(2) .total-value"))
                .getText();
        assertTrue(Long.parseLong(plays.replace(",", "")) > 0, "plays this year: " + plays);
        assertEquals(
                10,
                browser.driver()
                        .findElements(By.cssSelector("#top-artists-list tbody tr"))
                        .size());
        List<WebElement> days = browser.driver().findElements(By.cssSelector("#calendar svg rect[class^='level-']"));
        assertTrue(days.size() >= 365, "a cell for every day of the year and the legend: " + days.size());
        assertTrue(
                days.stream().anyMatch(day -> !day.getAttribute("class").equals("level-0")),
                "some days have listening");

        WebElement clockTable = browser.driver().findElement(By.cssSelector("#clock table"));
        assertFalse(clockTable.isDisplayed(), "the table waits behind 'Show as table'");
        browser.driver().findElement(By.cssSelector("#clock summary")).click();
        assertTrue(clockTable.isDisplayed(), "'Show as table' opens the table");
        assertEquals(7, clockTable.findElements(By.cssSelector("tbody tr")).size(), "a row per day of the week");
        browser.fullPageScreenshot("history-desktop");

        browser.resize(Browser.PHONE);
        long overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow <= 0, "nothing sticks out sideways on a phone: " + overflow + " px");
        browser.fullPageScreenshot("history-phone");
        browser.resize(Browser.DESKTOP);

        cdp(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        String background = browser.script("return getComputedStyle(document.body).backgroundColor");
        assertEquals("rgb(15, 17, 19)", background, "the dark palette applies");
        browser.fullPageScreenshot("history-dark");
        cdp("Emulation.setEmulatedMedia", Map.of("features", List.of()));

        WebElement firstArtist = browser.driver().findElement(By.cssSelector("#top-artists-list tbody tr a"));
        String artist = firstArtist.getText();
        firstArtist.click();
        browser.waitUntil(
                Duration.ofSeconds(10),
                () -> "the artist page, not " + browser.path(),
                driver -> browser.path().equals("/history/artist"));
        assertEquals(artist, browser.driver().findElement(By.tagName("h1")).getText());
        assertFalse(text("artist-plays").startsWith("0 "), text("artist-plays"));
        assertFalse(
                browser.driver()
                        .findElements(By.cssSelector("#artist-tracks-list tbody tr"))
                        .isEmpty(),
                "the artist's top tracks");
        browser.fullPageScreenshot("artist-desktop");
        browser.driver().findElement(By.id("back")).click();
        browser.waitUntil(
                Duration.ofSeconds(10),
                "back on /history",
                driver -> browser.path().equals("/history"));
    }

    private static void importTheSampleExport() {
        browser.open("/history/import");
        browser.driver().findElement(By.id("import-sample")).click();
        browser.waitUntil(
                Duration.ofSeconds(120),
                "the sample export imported",
                driver -> driver.findElement(By.id("import-progress-text"))
                        .getText()
                        .equals("Done."));
    }

    private static String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private static void cdp(String command, Map<String, Object> parameters) {
        ((ChromeDriver) browser.driver()).executeCdpCommand(command, parameters);
    }
}
