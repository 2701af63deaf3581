package dev.earshot.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.Browser;
import dev.earshot.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The public embeds as a visitor's browser shows them, against the packaged jar in demo mode (where
 * the sandbox's listener is the owner): the README card renders as an image, the iframe page is live.
 */
@QuarkusIntegrationTest
@TestProfile(DemoProfile.class)
class EmbedBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void readmeCardRendersAsAnImage() {
        browser.resize(new Browser.Viewport(560, 200, false));
        // As GitHub shows it: an <img> of the SVG, so no script and no external loads could run anyway.
        browser.open("/embed/now-playing");
        browser.script("document.body.innerHTML = ''; const img = document.createElement('img');"
                + "img.id = 'card'; img.src = '/embed/now-playing.svg?theme=light'; document.body.appendChild(img);");
        Long width = browser.waitUntil(
                Duration.ofSeconds(10),
                "the card image loads",
                d -> browser.<Boolean>script(
                                "const i = document.getElementById('card'); return i.complete && i.naturalWidth > 0;")
                        ? browser.<Long>script("return document.getElementById('card').naturalWidth;")
                        : null);
        assertEquals(480L, width, "the card's default width");
        browser.screenshot("embed-card");
        browser.open("/embed/now-playing.svg?theme=dark&width=400");
        browser.screenshot("embed-card-dark");
    }

    @Test
    void iframePageShowsTheOwnersLiveCard() {
        browser.resize(new Browser.Viewport(520, 240, false));
        browser.open("/embed/now-playing");
        String state = browser.waitUntil(
                Duration.ofSeconds(10),
                "the live card",
                d -> d.findElement(By.cssSelector("section#now-playing")).getAttribute("data-state"));
        assertTrue(state.matches("playing|paused|idle"), state);
        browser.screenshot("embed-iframe");
    }
}
