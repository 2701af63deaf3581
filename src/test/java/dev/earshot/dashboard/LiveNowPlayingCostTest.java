package dev.earshot.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.earshot.auth.Session;
import dev.earshot.testing.Browser;
import dev.earshot.testing.CookieNames;
import dev.earshot.testing.FakePlayback;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the live card costs Spotify, measured in real browsers over one minute of a playing track
 * (issue 3): one visible tab, three tabs of one listener, a hidden tab, a skip made on Spotify, and
 * how far the shown progress drifts from the truth. Figures go to {@code target/live-cost.txt}.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(LiveNowPlayingCostTest.PlainCookies.class)
class LiveNowPlayingCostTest {

    @InjectSpotify
    FakeSpotify spotify;

    static final Duration WINDOW = Duration.ofSeconds(60);
    static final Duration SKIP_AT = Duration.ofSeconds(40);

    /** Chrome keeps no Secure cookies for plain http://127.0.0.1. */
    public static class PlainCookies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("earshot.secure-cookies", "false");
        }
    }

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void oneMinuteOfAPlayingTrack() throws Exception {
        spotify.resetWithSampleListener();
        spotify.stub(get(urlPathEqualTo(FakeSpotify.CURRENTLY_PLAYING))
                .willReturn(WireMock.aResponse().withTransformers(FakePlayback.NAME)));
        Instant started = Instant.now().minusSeconds(30);
        for (String listener : List.of("one-tab", "three-tabs", "hidden-tab")) {
            FakePlayback.play(
                    listener,
                    new FakePlayback.Track(
                            "track-" + listener,
                            "Long Song",
                            Duration.ofMinutes(12).toMillis(),
                            started));
        }

        List<ChromeDriver> extra = new ArrayList<>();
        try {
            WebDriver oneTab = browser.driver();
            signIn(oneTab, "one-tab");
            ChromeDriver threeTabs = newBrowser(extra);
            signIn(threeTabs, "three-tabs");
            for (int i = 0; i < 2; i++) {
                threeTabs.switchTo().newWindow(WindowType.WINDOW);
                threeTabs.get(browser.baseUrl() + "/dashboard");
            }
            ChromeDriver hidden = newBrowser(extra);
            signIn(hidden, "hidden-tab");
            hidden.switchTo().newWindow(WindowType.TAB); // the dashboard tab is now in the background
            hidden.get("about:blank");

            Instant windowStart = Instant.now();
            List<Long> drifts = new ArrayList<>();
            long skipLatency = -1;
            String skippedTo = null;
            while (Duration.between(windowStart, Instant.now()).compareTo(WINDOW) < 0) {
                Duration elapsed = Duration.between(windowStart, Instant.now());
                if (skippedTo == null && elapsed.compareTo(SKIP_AT) >= 0) {
                    skippedTo = "Skipped To This";
                    Instant skipAt = Instant.now();
                    FakePlayback.play(
                            "one-tab",
                            new FakePlayback.Track(
                                    "track-skipped",
                                    skippedTo,
                                    Duration.ofMinutes(12).toMillis(),
                                    skipAt));
                    String expected = skippedTo;
                    browser.waitUntil(Duration.ofSeconds(10), "the skip shows", d -> expected.equals(title(d)));
                    skipLatency = Duration.between(skipAt, Instant.now()).toMillis();
                    continue;
                }
                drifts.add(drift(oneTab, skippedTo == null ? started : null));
                Thread.sleep(1900);
            }
            Instant windowEnd = Instant.now();

            int oneTabCalls = calls("one-tab", windowStart, windowEnd);
            int threeTabCalls = calls("three-tabs", windowStart, windowEnd);
            int hiddenCalls = calls("hidden-tab", windowStart, windowEnd);
            long maxDrift = drifts.stream().mapToLong(Math::abs).max().orElse(0);
            String report = String.format(
                    "Live now playing over %d s of a playing track:%n"
                            + "  one visible tab: %d currently-playing calls, %d token calls%n"
                            + "  three tabs of one listener: %d currently-playing calls%n"
                            + "  one hidden tab: %d currently-playing calls%n"
                            + "  skip made on Spotify shown after: %d ms%n"
                            + "  largest drift of the shown progress from the truth: %d ms (%d samples)%n",
                    WINDOW.toSeconds(),
                    oneTabCalls,
                    spotify.tokenCalls(),
                    threeTabCalls,
                    hiddenCalls,
                    skipLatency,
                    maxDrift,
                    drifts.size());
            System.out.print(report);
            Files.writeString(Path.of("target", "live-cost.txt"), report);

            assertTrue(oneTabCalls <= 12, report);
            assertEquals(0, spotify.tokenCalls(), report);
            assertTrue(threeTabCalls <= 12 && threeTabCalls <= oneTabCalls + 1, report);
            assertEquals(0, hiddenCalls, report);
            // Refresh-ahead (R10) would show a skip one poll late if the poll that starts the refresh did not wait
            // for it; it waits up to RefreshAheadCache.PATIENCE, so a skip shows within one poll interval again.
            assertTrue(skipLatency >= 0 && skipLatency <= 6000, report);
            assertTrue(maxDrift <= 1000, report);
        } finally {
            extra.forEach(WebDriver::quit);
        }
    }

    private void signIn(WebDriver driver, String listener) {
        Session session = new Session(
                listener,
                "refresh-" + listener,
                Instant.now().plus(Duration.ofMinutes(30)),
                Instant.now().minus(Duration.ofHours(1)),
                listener,
                "Listener " + listener,
                null,
                Session.newId());
        driver.get(browser.baseUrl() + "/css/earshot.css");
        driver.manage()
                .addCookie(new Cookie.Builder(CookieNames.PLAIN_SESSION, Sessions.sealed(session))
                        .path("/")
                        .isHttpOnly(true)
                        .sameSite("Lax")
                        .expiresOn(new Date(System.currentTimeMillis() + 3_600_000))
                        .build());
        driver.get(browser.baseUrl() + "/dashboard");
        browser.waitUntil(
                Duration.ofSeconds(10),
                "dashboard of " + listener,
                d -> "playing"
                        .equals(d.findElement(By.cssSelector("section#now-playing"))
                                .getAttribute("data-state")));
    }

    private static ChromeDriver newBrowser(List<ChromeDriver> extra) throws IOException {
        ChromeDriver driver = Browser.newDriver(Files.createTempDirectory("earshot-cost-"));
        extra.add(driver);
        return driver;
    }

    private static String title(WebDriver driver) {
        return driver.findElement(By.cssSelector("section#now-playing .np-title"))
                .getAttribute("textContent")
                .trim();
    }

    /** Shown progress minus the truth at the same moment, in ms; {@code started} null after the skip (not sampled). */
    private long drift(WebDriver driver, Instant started) {
        if (started == null) {
            return 0;
        }
        long before = Instant.now().toEpochMilli();
        Number shown = browser.script("return document.querySelector('section#now-playing progress').value;");
        long after = Instant.now().toEpochMilli();
        long truth = (before + after) / 2 - started.toEpochMilli();
        return shown.longValue() - truth;
    }

    private int calls(String accessToken, Instant from, Instant to) {
        List<LoggedRequest> requests = spotify.server()
                .findAll(getRequestedFor(urlPathEqualTo(FakeSpotify.CURRENTLY_PLAYING))
                        .withHeader("Authorization", equalTo("Bearer " + accessToken)));
        return (int) requests.stream()
                .filter(r -> !r.getLoggedDate().toInstant().isBefore(from)
                        && r.getLoggedDate().toInstant().isBefore(to))
                .count();
    }
}
