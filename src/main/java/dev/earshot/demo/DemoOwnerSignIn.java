package dev.earshot.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sandbox listener's standing sign-in behind {@link DemoSandbox#OWNER_REFRESH_TOKEN}: it began when
 * the sandbox first saw it, and like every sign-in it ends six months later, however often it is refreshed.
 */
@ApplicationScoped
class DemoOwnerSignIn {

    /** In Spotify's order, as a sign-in granting all three would answer them. */
    static final Set<String> SCOPES = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of("user-read-currently-playing", "user-read-recently-played", "user-top-read")));

    private final DemoClock clock;
    private Instant signedInAt;

    DemoOwnerSignIn(DemoClock clock) {
        this.clock = clock;
    }

    /** The sign-in a refresh with {@code refreshToken} continues, when it is the owner's standing one. */
    synchronized boolean matches(String refreshToken) {
        if (!DemoSandbox.OWNER_REFRESH_TOKEN.equals(refreshToken)) {
            return false;
        }
        if (signedInAt == null) {
            signedInAt = clock.instant();
        }
        return true;
    }

    synchronized Instant signedInAt() {
        return signedInAt;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(signedInAt()
                .atOffset(ZoneOffset.UTC)
                .plusMonths(TokenResource.SIGN_IN_MONTHS)
                .toInstant());
    }
}
