package dev.earshot.owner;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the owner's account in {@code /q/health/ready}. It stays UP whatever the owner's state —
 * an expiring or dead owner sign-in must not take signed-in listeners' pages out of a load balancer —
 * but says how it stands, so monitoring can warn before Spotify's six-month limit.
 */
@Readiness
@ApplicationScoped
public class OwnerReadiness implements HealthCheck {

    private final OwnerAccount owner;
    private final Clock clock;

    OwnerReadiness(OwnerAccount owner, Clock clock) {
        this.owner = owner;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        OwnerStatus status = owner.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("owner-account").up()
                .withData("configured", status.configured())
                .withData("source", status.source().name().toLowerCase(java.util.Locale.ROOT))
                .withData("offline", status.offline());
        if (status.signInEndKnown()) {
            response.withData("signInEndsAt", status.signInEndsAt().toString())
                    .withData("daysLeft", Math.max(0, Duration.between(clock.instant(), status.signInEndsAt()).toDays()))
                    .withData("endingSoon", status.endingSoon());
        } else if (status.configured()) {
            response.withData("signInEndsAt", "unknown (token from the environment)");
        }
        return response.build();
    }
}
