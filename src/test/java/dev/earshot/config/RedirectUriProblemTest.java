package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deployer-facing sentences for a redirect URI sign-in cannot work with. */
class RedirectUriProblemTest {

    @Test
    void workingRedirectUrisHaveNoProblem() {
        assertEquals(Optional.empty(), SpotifySettings.redirectUriProblem("http://127.0.0.1:8080/api/callback"));
        assertEquals(Optional.empty(), SpotifySettings.redirectUriProblem("https://earshot.example.com/api/callback"));
        // Behind a proxy that strips a path prefix.
        assertEquals(Optional.empty(), SpotifySettings.redirectUriProblem("https://example.com/earshot/api/callback"));
    }

    @Test
    void localhostGetsTheLoopbackAddressToUseInstead() {
        String problem = SpotifySettings.redirectUriProblem("http://LocalHost:9000/api/callback")
                .orElseThrow();
        assertTrue(problem.contains("use http://127.0.0.1:9000/api/callback"), problem);
    }

    @Test
    void plainHttpToAPublicHostAsksForHttps() {
        String problem = SpotifySettings.redirectUriProblem("http://earshot.example.com/api/callback")
                .orElseThrow();
        assertTrue(problem.contains("plain http only for 127.0.0.1 or [::1]"), problem);
    }

    @Test
    void aUriThatIsNotAbsoluteIsRefused() {
        String problem = SpotifySettings.redirectUriProblem("earshot.example.com/api/callback")
                .orElseThrow();
        assertTrue(problem.contains("must be an absolute https URL"), problem);
    }

    @Test
    void aUriThatDoesNotLeadBackToTheCallbackIsNamed() {
        String problem = SpotifySettings.redirectUriProblem("https://earshot.example.com/callback")
                .orElseThrow();
        assertTrue(problem.contains("must come back to /api/callback"), problem);
    }
}
