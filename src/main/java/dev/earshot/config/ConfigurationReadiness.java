package dev.earshot.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports in {@code /q/health/ready} whether sign-in can work: DOWN, with the reason, when the
 * redirect URI is one Spotify refuses or that does not lead back here. (What cannot work at all —
 * missing credentials or secret — stops start-up instead; see {@link StartupCheck}.)
 */
@Readiness
@ApplicationScoped
public class ConfigurationReadiness implements HealthCheck {

    private final SpotifySettings spotify;

    ConfigurationReadiness(SpotifySettings spotify) {
        this.spotify = spotify;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("configuration")
                .withData("spotify", spotify.demo() ? "demo sandbox" : "spotify")
                .withData("redirectUri", spotify.redirectUri());
        return spotify.redirectUriProblem()
                .map(problem -> response.down().withData("problem", problem))
                .orElseGet(response::up)
                .build();
    }
}
