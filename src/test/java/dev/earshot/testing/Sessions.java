package dev.earshot.testing;

import dev.earshot.auth.Session;
import dev.earshot.auth.SessionCookie;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sessions in chosen states, and the session cookie the app would set for one, sealed by the app's own
 * {@code SessionCookie}. Each is a new listener (user id) unless named, so per-listener caches never carry
 * one test's answers into another.
 */
public final class Sessions {

    private Sessions() {}

    /** The session cookie's value for this session, sealed as the running app seals it ({@code @QuarkusTest}s only). */
    public static String sealed(Session session) {
        return Arc.container()
                .instance(SessionCookie.class)
                .get()
                .write(session)
                .getValue();
    }

    public static String newListenerId() {
        return "listener-" + UUID.randomUUID();
    }

    public static Session valid(String accessToken, String refreshToken) {
        return expiringIn(accessToken, refreshToken, Duration.ofMinutes(30));
    }

    public static Session expiringIn(String accessToken, String refreshToken, Duration left) {
        Instant now = Instant.now();
        return new Session(
                accessToken,
                refreshToken,
                now.plus(left),
                now.minus(Duration.ofHours(1)),
                newListenerId(),
                "Ada Listener",
                "https://i.scdn.co/image/avatar64",
                Session.newId());
    }

    /** A session of this very listener (such as the owner), signed in just now, half an hour left. */
    public static Session ofListener(String userId, String displayName) {
        Instant now = Instant.now();
        return new Session(
                "access-" + userId,
                "refresh-" + UUID.randomUUID(),
                now.plus(Duration.ofMinutes(30)),
                now,
                userId,
                displayName,
                null,
                Session.newId());
    }

    public static Session signedInAt(Instant signedInAt) {
        return new Session(
                "access-old",
                "refresh-old",
                Instant.now().plus(Duration.ofMinutes(30)),
                signedInAt,
                newListenerId(),
                "Ada Listener",
                null,
                Session.newId());
    }
}
