package dev.earshot.testing;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The clicks of a demo sign-in in a real browser: landing page, the sandbox's consent page, a decision. */
public final class DemoSignIn {

    private DemoSignIn() {
    }

    /** From the landing page to the sandbox's consent page. */
    public static void toConsentPage(Browser browser) {
        browser.open("/");
        browser.driver().findElement(By.partialLinkText("Sign in with Spotify")).click();
        browser.waitUntil(Duration.ofSeconds(10), "the sandbox's consent page",
                ExpectedConditions.urlContains("/demo/spotify/accounts/authorize"));
    }

    /** Presses a button of the consent page ("Allow" or "Cancel") and waits for the app's answer. */
    public static void press(Browser browser, String button) {
        browser.driver().findElement(By.xpath("//button[normalize-space()='" + button + "']")).click();
        browser.waitUntil(Duration.ofSeconds(10), "back from the consent page",
                driver -> !driver.getCurrentUrl().contains("/demo/spotify/accounts/"));
    }

    /** A whole sign-in; ends on the dashboard. */
    public static void signIn(Browser browser) {
        toConsentPage(browser);
        press(browser, "Allow");
        browser.waitUntil(Duration.ofSeconds(10), () -> "on /dashboard, not " + browser.path(),
                driver -> browser.path().equals("/dashboard"));
    }
}
