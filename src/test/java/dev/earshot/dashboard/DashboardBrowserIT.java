package dev.earshot.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.Browser;
import dev.earshot.testing.DemoProfile;
import dev.earshot.testing.SignInSteps;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A newcomer's first visit in demo mode, clicked through in headless Chromium against the packaged jar. */
@QuarkusIntegrationTest
@TestProfile(DemoProfile.class)
class DashboardBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeEach
    void startSignedOut() {
        // Cookies are deleted for the page's host, so be on the app's first.
        browser.open("/");
        browser.driver().manage().deleteAllCookies();
        browser.resize(Browser.DESKTOP);
    }

    @Test
    void signingInThroughTheSandboxShowsTheWholeDashboard() {
        browser.open("/");
        assertVisible(By.cssSelector(".demo-banner"), "Demo mode — sample data");
        browser.screenshot("landing");

        SignInSteps.toDemoConsentPage(browser);
        assertVisible(By.tagName("h1"), "Allow Earshot to use your account?");
        SignInSteps.pressOnDemoConsentPage(browser, "Allow");
        browser.waitUntil(
                Duration.ofSeconds(10),
                () -> "on /dashboard, not " + browser.path(),
                driver -> browser.path().equals("/dashboard"));

        WebDriver driver = browser.driver();
        assertVisible(By.cssSelector(".demo-banner"), "Demo mode — sample data");
        assertVisible(By.cssSelector("section.now-playing"), "Now playing");
        assertVisible(By.cssSelector("section[aria-labelledby='top-tracks-title']"), "Top tracks");
        assertVisible(By.cssSelector("section[aria-labelledby='top-artists-title']"), "Top artists");
        assertVisible(By.cssSelector("section[aria-labelledby='taste-title']"), "Your taste at a glance");
        assertVisible(By.cssSelector("section[aria-labelledby='recent-title']"), "Recently played");
        // The card may hold every state's markup with all but one hidden: one of these must show.
        assertTrue(
                visibility("section.now-playing .np-title, section.now-playing .np-idle")
                        .contains(true),
                "the now-playing card shows a title or says nothing plays");
        assertAllVisible("section[aria-labelledby='top-tracks-title'] li.item", 10);
        assertAllVisible("section[aria-labelledby='top-artists-title'] li.item", 10);
        assertAllVisible("section[aria-labelledby='recent-title'] li.item", 10);
        // Most played lately and tracks by decade; the sandbox, like Spotify for Development Mode apps, sends no
        // genres, so there is no genre chart, only a line saying why.
        assertAllVisible("section[aria-labelledby='taste-title'] ul.bars", 2);
        assertVisible(By.cssSelector(".genres-missing"), "no longer shares artists' genres");
        assertTrue(driver.findElements(By.cssSelector(".problem")).isEmpty(), "no section failed");
        browser.fullPageScreenshot("dashboard-desktop");

        browser.resize(Browser.PHONE);
        long width = browser.script("return window.innerWidth");
        assertEquals(Browser.PHONE.width(), width, "the viewport is phone-sized");
        assertVisible(By.cssSelector("section.now-playing"), "Now playing");
        long overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow <= 0, "nothing sticks out sideways on a phone: " + overflow + " px");
        browser.fullPageScreenshot("dashboard-phone");
    }

    @Test
    void cancellingOnTheConsentPageSaysSo() {
        SignInSteps.toDemoConsentPage(browser);
        SignInSteps.pressOnDemoConsentPage(browser, "Cancel");
        assertVisible(By.tagName("body"), "You cancelled — try again");
    }

    @Test
    void signingOutReturnsToTheLandingPageForGood() {
        SignInSteps.signInToDemo(browser);
        browser.driver()
                .findElement(By.xpath("//header//button[normalize-space()='Sign out']"))
                .click();
        browser.waitUntil(
                Duration.ofSeconds(10),
                () -> "signed out onto /, not " + browser.path(),
                driver -> browser.path().equals("/"));
        assertVisible(By.partialLinkText("Sign in with Spotify"), "Sign in with Spotify");

        browser.open("/dashboard");
        browser.waitUntil(
                Duration.ofSeconds(10),
                () -> "/dashboard sent back to /, not " + browser.path(),
                driver -> browser.path().equals("/"));
        assertVisible(By.partialLinkText("Sign in with Spotify"), "Sign in with Spotify");
    }

    private static void assertVisible(By locator, String text) {
        WebElement element =
                browser.waitUntil(Duration.ofSeconds(10), locator.toString(), driver -> driver.findElement(locator));
        assertTrue(element.isDisplayed(), locator + " is visible");
        // textContent, not getText(): CSS may change the case of what is shown.
        String content = element.getDomProperty("textContent").replaceAll("\\s+", " ");
        assertTrue(content.contains(text), () -> locator + " says \"" + text + "\": " + content);
    }

    /** At least {@code atLeast} elements match, and every one is rendered (one script, not a round trip each). */
    private static void assertAllVisible(String selector, int atLeast) {
        List<Boolean> visible = visibility(selector);
        assertTrue(visible.size() >= atLeast, selector + ": at least " + atLeast + ", found " + visible.size());
        assertTrue(visible.stream().allMatch(Boolean::booleanValue), selector + ": all visible " + visible);
    }

    /** Whether each element matching the selector is rendered, in document order. */
    private static List<Boolean> visibility(String selector) {
        return browser.script(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                        + ".map(e => e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}))",
                selector);
    }
}
