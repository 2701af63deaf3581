package dev.earshot.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one session cookie: reads and checks it (including the absolute lifetime, S13), writes it
 * sealed, clears it.
 */
@ApplicationScoped
public class SessionCookie {

    static final String BASE_NAME = "earshot_session";

    /** Short field names keep the cookie small (S14). */
    record Sealed(
            @JsonProperty("a") String accessToken,
            @JsonProperty("r") String refreshToken,
            @JsonProperty("e") long accessExpiresAt,
            @JsonProperty("s") long signedInAt,
            @JsonProperty("u") String userId,
            @JsonProperty("n") String displayName,
            @JsonProperty("i") String avatarUrl,
            @JsonProperty("d") String sessionId) {}

    private final SealedCookie<Sealed> cookie;
    private final Duration lifetime;
    private final Clock clock;

    SessionCookie(CookiePolicy policy, CookieSealer sealer, ObjectMapper json, SessionConfig config, Clock clock) {
        this.cookie = new SealedCookie<>(BASE_NAME, Sealed.class, policy, sealer, json);
        this.lifetime = config.lifetime();
        this.clock = clock;
    }

    public SessionLookup read(HttpHeaders headers) {
        return lookup(cookie.read(headers));
    }

    /** What one cookie value amounts to; for a value in hand rather than in a request. */
    SessionLookup open(String sealedValue) {
        return lookup(cookie.open(sealedValue));
    }

    private SessionLookup lookup(SealedCookie.Read<Sealed> read) {
        return switch (read.status()) {
            case ABSENT -> SessionLookup.absent();
            case UNREADABLE -> SessionLookup.unreadable();
            case OPENED -> lookup(read.value(), read.underOldKey());
        };
    }

    private SessionLookup lookup(Sealed sealed, boolean underOldKey) {
        if (sealed.accessToken() == null || sealed.refreshToken() == null || sealed.userId() == null) {
            return SessionLookup.unreadable();
        }
        if (sealed.sessionId() == null) {
            // Sealed before sessions had ids (S26): it could never be signed out for good, so it ends here.
            return SessionLookup.expired();
        }
        Session session = new Session(
                sealed.accessToken(),
                sealed.refreshToken(),
                Instant.ofEpochSecond(sealed.accessExpiresAt()),
                Instant.ofEpochSecond(sealed.signedInAt()),
                sealed.userId(),
                sealed.displayName(),
                sealed.avatarUrl(),
                sealed.sessionId());
        if (!clock.instant().isBefore(session.signedInAt().plus(lifetime))) {
            return SessionLookup.expired();
        }
        return SessionLookup.active(session, underOldKey);
    }

    /** The sealed cookie for {@code session}, living until the session's absolute end. */
    public NewCookie write(Session session) {
        Sealed sealed = new Sealed(
                session.accessToken(),
                session.refreshToken(),
                session.accessExpiresAt().getEpochSecond(),
                session.signedInAt().getEpochSecond(),
                session.userId(),
                session.displayName(),
                session.avatarUrl(),
                session.sessionId());
        Duration remaining =
                Duration.between(clock.instant(), session.signedInAt().plus(lifetime));
        return cookie.write(sealed, remaining);
    }

    public NewCookie clear() {
        return cookie.expire();
    }
}
