package dev.earshot.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.Browser;
import dev.earshot.testing.DemoProfile;
import dev.earshot.testing.SandboxRemote;
import dev.earshot.testing.SignInSteps;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The now-playing card keeps up with the player without a reload, as the sandbox's remote moves it.
 * The contract: {@code section#now-playing} carries {@code data-state} ("playing", "paused", "idle", ...),
 * its {@code progress} element's value counts milliseconds, {@code .np-elapsed} shows m:ss, {@code .np-title}
 * the item, and a badge says "Paused" while paused.
 */
@QuarkusIntegrationTest
@TestProfile(DemoProfile.class)
class LiveNowPlayingBrowserIT {

    private static final By CARD = By.cssSelector("section#now-playing");

    @RegisterExtension
    static final Browser browser = new Browser();

    private static SandboxRemote remote;

    @BeforeEach
    void aSongPlaysFromTheTop() {
        // Not in @BeforeAll: Quarkus tells RestAssured the app's port only around each test.
        if (remote == null) {
            SignInSteps.signInToDemo(browser);
            remote = new SandboxRemote(browser.baseUrl());
        }
        // Whatever the clock says, the cycle's first song (over four minutes) plays from 0:00.
        remote.restart();
        browser.open("/dashboard");
        // The page may first show the previous test's last state (paused, from the 3 s cache), and a paused card
        // polls less often: allow as long as the pause test allows for playing again.
        awaitState("playing", Duration.ofSeconds(30));
        browser.script("window.__noReload = true");
    }

    @AfterEach
    void leaveItPlaying() {
        if (remote != null) { // null when the browser is missing and the test was skipped
            remote.play();
        }
    }

    @Test
    void progressAndElapsedTimeAdvanceWhilePlaying() throws InterruptedException {
        WebElement card = browser.driver().findElement(CARD);
        double before = progressMs(card);
        String elapsedBefore = card.findElement(By.cssSelector(".np-elapsed")).getText();
        long start = System.nanoTime();
        Thread.sleep(3_000);
        double after = progressMs(card);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        String elapsedAfter = card.findElement(By.cssSelector(".np-elapsed")).getText();

        double advanced = after - before;
        assertTrue(
                advanced >= 2_000 && advanced <= 4_500, "progress advanced " + advanced + " ms in " + waitedMs + " ms");
        assertNotEquals(elapsedBefore, elapsedAfter, ".np-elapsed keeps counting");
        assertTrue(elapsedAfter.matches("\\d+:\\d\\d"), "m:ss, was " + elapsedAfter);
        assertNoReload();
    }

    @Test
    void nextShowsTheNextSongWithoutAReload() {
        String title = titleText();
        remote.next();
        String next = browser.waitUntil(Duration.ofSeconds(8), () -> ".np-title still \"" + title + "\"", driver -> {
            String now = titleText();
            return now.equals(title) ? null : now;
        });
        assertNotEquals(title, next);
        assertEquals("playing", browser.driver().findElement(CARD).getDomAttribute("data-state"));
        assertNoReload();
    }

    @Test
    void pauseAndPlayShowOnTheCard() {
        remote.pause();
        awaitState("paused", Duration.ofSeconds(25));
        browser.waitUntil(
                Duration.ofSeconds(5), "a badge saying \"Paused\"", driver -> badgeSaysPaused(driver) ? true : null);

        remote.play();
        // A paused card may poll less often, so allow a little longer than for the pause.
        awaitState("playing", Duration.ofSeconds(30));
        assertNoReload();
    }

    private static void awaitState(String state, Duration timeout) {
        browser.waitUntil(
                timeout,
                () -> "section#now-playing[data-state=" + state + "], the card was: " + cardState(),
                driver -> state.equals(cardState()) ? true : null);
    }

    /** The card's data-state, or why there is none. */
    private static String cardState() {
        return browser.driver().findElements(CARD).stream()
                .map(card -> Objects.requireNonNullElse(card.getDomAttribute("data-state"), "(no data-state)"))
                .findFirst()
                .orElse("(no section#now-playing)");
    }

    private static boolean badgeSaysPaused(WebDriver driver) {
        return driver.findElement(CARD).findElements(By.cssSelector(".badge")).stream()
                // textContent, not getText(): the badge's CSS may upper-case what it shows.
                .anyMatch(badge -> badge.isDisplayed()
                        && "Paused".equals(badge.getDomProperty("textContent").trim()));
    }

    private static double progressMs(WebElement card) {
        return Double.parseDouble(card.findElement(By.tagName("progress")).getDomProperty("value"));
    }

    private static String titleText() {
        return browser.driver()
                .findElement(CARD)
                .findElement(By.cssSelector(".np-title"))
                .getText();
    }

    private static void assertNoReload() {
        assertEquals(Boolean.TRUE, browser.script("return window.__noReload === true"), "the page was not reloaded");
    }
}
