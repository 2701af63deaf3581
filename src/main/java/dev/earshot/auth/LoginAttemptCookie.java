package dev.earshot.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The short-lived sealed cookie of sign-ins under way (S03). It holds up to {@link #MAX_ATTEMPTS}
 * attempts, newest first, so sign-ins started in parallel tabs do not break each other, while the
 * cookie never grows: older attempts fall off.
 */
@ApplicationScoped
public class LoginAttemptCookie {

    static final String BASE_NAME = "earshot_login";
    static final int MAX_ATTEMPTS = 3;
    static final Duration LIFETIME = Duration.ofMinutes(10);

    record Sealed(@JsonProperty("p") List<Pending> pending) {}

    record Pending(
            @JsonProperty("s") String state,
            @JsonProperty("v") String verifier,
            @JsonProperty("t") long startedAt,
            @JsonProperty("r") String returnTo,
            @JsonProperty("o") boolean forOwner) {}

    private final SealedCookie<Sealed> cookie;
    private final Clock clock;

    LoginAttemptCookie(CookiePolicy policy, CookieSealer sealer, ObjectMapper json, Clock clock) {
        this.cookie = new SealedCookie<>(BASE_NAME, Sealed.class, policy, sealer, json);
        this.clock = clock;
    }

    /** The attempts still within their ten minutes; none for a missing, duplicated or tampered cookie. */
    public List<LoginAttempt> read(HttpHeaders headers) {
        SealedCookie.Read<Sealed> read = cookie.read(headers);
        if (read.status() != SealedCookie.Status.OPENED || read.value().pending() == null) {
            return List.of();
        }
        Instant oldest = clock.instant().minus(LIFETIME);
        return read.value().pending().stream()
                .filter(p -> p != null && p.state() != null && p.verifier() != null)
                .map(p -> new LoginAttempt(
                        p.state(), p.verifier(), Instant.ofEpochSecond(p.startedAt()), p.returnTo(), p.forOwner()))
                .filter(attempt -> attempt.startedAt().isAfter(oldest))
                .toList();
    }

    /** The attempt whose state equals {@code state}, compared in constant time (S06). */
    public static Optional<LoginAttempt> matching(List<LoginAttempt> attempts, String state) {
        byte[] given = state.getBytes(StandardCharsets.UTF_8);
        LoginAttempt found = null;
        for (LoginAttempt attempt : attempts) {
            if (MessageDigest.isEqual(attempt.state().getBytes(StandardCharsets.UTF_8), given)) {
                found = attempt;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The cookie after starting {@code attempt}: it goes first, the oldest beyond the cap fall off. */
    public NewCookie withAttempt(List<LoginAttempt> current, LoginAttempt attempt) {
        List<LoginAttempt> attempts = new ArrayList<>();
        attempts.add(attempt);
        current.stream().limit(MAX_ATTEMPTS - 1).forEach(attempts::add);
        return write(attempts);
    }

    /** The cookie after {@code finished} is used up: the others stay, or the cookie goes when none are left. */
    public NewCookie without(List<LoginAttempt> current, LoginAttempt finished) {
        List<LoginAttempt> rest =
                current.stream().filter(attempt -> !attempt.equals(finished)).toList();
        return rest.isEmpty() ? clear() : write(rest);
    }

    public NewCookie clear() {
        return cookie.expire();
    }

    private NewCookie write(List<LoginAttempt> attempts) {
        List<Pending> pending = attempts.stream()
                .map(a -> new Pending(
                        a.state(), a.verifier(), a.startedAt().getEpochSecond(), a.returnTo(), a.forOwner()))
                .toList();
        return cookie.write(new Sealed(pending), LIFETIME);
    }
}
