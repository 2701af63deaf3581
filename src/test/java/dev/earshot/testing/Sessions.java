package dev.earshot.testing;

import java.time.Duration;
import java.time.Instant;

import dev.earshot.auth.Session;

/** Sessions in chosen states, for sealing with the app's own {@code SessionCookie}. */
public final class Sessions {

    private Sessions() {
    }

    public static Session valid(String accessToken, String refreshToken) {
        return expiringIn(accessToken, refreshToken, Duration.ofMinutes(30));
    }

    public static Session expiringIn(String accessToken, String refreshToken, Duration left) {
        Instant now = Instant.now();
        return new Session(accessToken, refreshToken, now.plus(left), now.minus(Duration.ofHours(1)), "listener-1",
                "Ada Listener", "https://i.scdn.co/image/avatar64");
    }

    public static Session signedInAt(Instant signedInAt) {
        return new Session("access-old", "refresh-old", Instant.now().plus(Duration.ofMinutes(30)), signedInAt, "listener-1",
                "Ada Listener", null);
    }
}
