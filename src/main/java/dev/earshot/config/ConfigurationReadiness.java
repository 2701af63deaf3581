package dev.earshot.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports in {@code /q/health/ready} whether sign-in can work: DOWN when the redirect URI is one
 * Spotify refuses or that does not lead back here. The endpoint is public, so it says UP or DOWN
 * only: the reason is logged at start ({@link StartupCheck}), shown on /setup and on the sign-in
 * page. (What cannot work at all — missing credentials or secret — stops start-up instead.)
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
        return HealthCheckResponse.named("configuration")
                .status(spotify.redirectUriProblem().isEmpty())
                .build();
    }
}
