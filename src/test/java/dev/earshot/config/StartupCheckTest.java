package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** S15: a configuration that cannot work is refused with messages naming environment variables. */
class StartupCheckTest {

    private static final String GOOD_SECRET = "a-perfectly-long-secret-0123456789abcdef";

    @Test
    void s15_completeConfigurationPasses() {
        assertEquals(List.of(), StartupCheck.problems(spotify("id", "secret"), session(GOOD_SECRET, null), false));
    }

    @Test
    void s15_missingSecretIsRefusedAndNeverGenerated() {
        List<String> problems = StartupCheck.problems(spotify("id", "secret"), session(null, null), false);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("EARSHOT_SESSION_SECRET is not set"), problems.get(0));
    }

    @Test
    void s15_shortSecretsAreRefused() {
        List<String> problems = StartupCheck.problems(spotify("id", "secret"), session("short", "also-short"), false);
        assertTrue(problems.contains("EARSHOT_SESSION_SECRET is shorter than 32 bytes"), problems.toString());
        assertTrue(problems.contains("EARSHOT_SESSION_SECRET_PREVIOUS is shorter than 32 bytes"), problems.toString());
    }

    @Test
    void missingSpotifyCredentialsAreNamedUnlessInDemoMode() {
        List<String> problems = StartupCheck.problems(spotify(null, " "), session(GOOD_SECRET, null), false);
        assertTrue(problems.get(0).startsWith("SPOTIFY_CLIENT_ID is not set"), problems.toString());
        assertTrue(problems.get(1).startsWith("SPOTIFY_CLIENT_SECRET is not set"), problems.toString());
        assertEquals(List.of(), StartupCheck.problems(spotify(null, null), session(GOOD_SECRET, null), true));
    }

    private static SpotifyConfig spotify(String clientId, String clientSecret) {
        return new SpotifyConfig() {
            public Optional<String> clientId() {
                return Optional.ofNullable(clientId);
            }

            public Optional<String> clientSecret() {
                return Optional.ofNullable(clientSecret);
            }

            public Optional<String> refreshToken() {
                return Optional.empty();
            }

            public Optional<String> accessToken() {
                return Optional.empty();
            }

            public String redirectUri() {
                return "http://127.0.0.1:8080/api/callback";
            }

            public String accountsUrl() {
                return "https://accounts.spotify.com";
            }

            public String apiUrl() {
                return "https://api.spotify.com";
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(3);
            }

            public Duration readTimeout() {
                return Duration.ofSeconds(5);
            }
        };
    }

    private static SessionConfig session(String secret, String previous) {
        return new SessionConfig() {
            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }

            public Optional<String> secretPrevious() {
                return Optional.ofNullable(previous);
            }

            public Duration lifetime() {
                return Duration.ofDays(180);
            }
        };
    }
}
