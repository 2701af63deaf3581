package dev.earshot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demo mode is configuration: when it is on, and which Spotify settings it gives the app. */
class DemoConfigSourceTest {

    @Test
    void anExplicitChoiceWinsEverywhere() {
        assertTrue(DemoConfigSource.enabled("true", "my-client", false));
        assertFalse(DemoConfigSource.enabled("false", null, true));
    }

    @Test
    void unsetItIsOnOnlyInDevModeWithoutASpotifyClient() {
        assertTrue(DemoConfigSource.enabled(null, null, true));
        assertTrue(DemoConfigSource.enabled(null, " ", true));
        assertFalse(DemoConfigSource.enabled(null, "my-client", true));
        assertFalse(DemoConfigSource.enabled(null, null, false), "production never falls into the sandbox by accident");
    }

    @Test
    void theSandboxIsGivenToTheAppAsItsSpotifySettings() {
        assertEquals(
                Map.of(
                        "earshot.demo", "true",
                        "spotify.accounts-url", "/demo/spotify/accounts",
                        "spotify.api-url", "/demo/spotify/api",
                        "spotify.client-id", DemoSandbox.CLIENT_ID,
                        "spotify.client-secret", DemoSandbox.CLIENT_SECRET,
                        "spotify.redirect-uri", "/api/callback",
                        "spotify.refresh-token", DemoSandbox.OWNER_REFRESH_TOKEN),
                DemoConfigSource.sandboxSettings());
    }
}
