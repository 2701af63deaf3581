package dev.earshot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.earshot.auth.LoginAttempt;
import dev.earshot.auth.LoginAttemptCookie;
import dev.earshot.testing.CookieNames;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.WireMockSpotify;
import dev.earshot.web.UrlSafeRandom;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S03: a sign-in attempt lives at most ten minutes, enforced by the server from the start time sealed
 * in the cookie, not only by the cookie's {@code Max-Age} (a browser, or an attacker replaying a
 * captured cookie, need not honour it).
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class LoginAttemptExpiryTest {

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    LoginAttemptCookie attempts;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
        spotify.stubTokenGrant("access-1", "refresh-1", 3600);
    }

    @Test
    void s03_anAttemptOlderThanTenMinutesIsRefusedWithoutAnySpotifyCall() {
        String state = UrlSafeRandom.ofBytes(32);
        Response stale =
                SignInSteps.callback(cookieStartedAgo(state, Duration.ofMinutes(11)), "code=abc&state=" + state);
        assertEquals(400, stale.statusCode(), "an eleven-minute-old attempt is over");
        assertNull(stale.getCookie(CookieNames.SESSION));
        assertEquals(0, stale.getDetailedCookie(CookieNames.LOGIN).getMaxAge(), "the attempt cookie is cleared");
        assertEquals(0, spotify.tokenCalls(), "no code exchange for an expired attempt");
    }

    @Test
    void s03_anAttemptWithinItsTenMinutesStillCompletes() {
        // The counterpart of the test above: the same cookie, made the same way, works while fresh.
        String state = UrlSafeRandom.ofBytes(32);
        Response fresh =
                SignInSteps.callback(cookieStartedAgo(state, Duration.ofMinutes(9)), "code=abc&state=" + state);
        assertEquals(303, fresh.statusCode(), () -> fresh.body().asString());
        assertEquals(1, spotify.tokenCalls());
    }

    /** The app's own sealed attempt cookie, as {@code GET /login} would have set it {@code ago} earlier. */
    private String cookieStartedAgo(String state, Duration ago) {
        LoginAttempt attempt =
                new LoginAttempt(state, UrlSafeRandom.ofBytes(32), Instant.now().minus(ago), "/dashboard", false);
        return attempts.withAttempt(List.of(), attempt).getValue();
    }
}
