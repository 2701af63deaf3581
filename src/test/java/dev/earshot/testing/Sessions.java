package dev.earshot.testing;

import java.time.Duration;
import java.time.Instant;

import dev.earshot.auth.Session;

/**
 * Sessions in chosen states, for sealing with the app's own {@code SessionCookie}. Each is a new
 * listener (user id), so per-listener caches never carry one test's answers into another.
 */
public final class Sessions {

    private Sessions() {
    }

    public static String newListenerId() {
        return "listener-" + java.util.UUID.randomUUID();
    }

    public static Session valid(String accessToken, String refreshToken) {
        return expiringIn(accessToken, refreshToken, Duration.ofMinutes(30));
    }

    public static Session expiringIn(String accessToken, String refreshToken, Duration left) {
        Instant now = Instant.now();
        return new Session(accessToken, refreshToken, now.plus(left), now.minus(Duration.ofHours(1)), newListenerId(),
                "Ada Listener", "https://i.scdn.co/image/avatar64");
    }

    public static Session signedInAt(Instant signedInAt) {
        return new Session("access-old", "refresh-old", Instant.now().plus(Duration.ofMinutes(30)), signedInAt, newListenerId(),
                "Ada Listener", null);
    }
}
