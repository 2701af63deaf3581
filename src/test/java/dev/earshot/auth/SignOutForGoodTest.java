package dev.earshot.auth;

import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.database.Database;
import dev.earshot.testing.Eventually;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * S26: a sign-out ends the session for good — in the database, so a copy of the cookie taken before it opens
 * nothing afterwards, on this replica or another — and "sign out everywhere" ends every session of the listener.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class SignOutForGoodTest {

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    Database database;

    @Inject
    EndedSessions endedSessions;

    @BeforeEach
    void reset() {
        spotify.resetWithSampleListener();
    }

    @Test
    void s26_aCopyOfTheCookieTakenBeforeSignOutGetsTheSignedOutAnswerAfterIt() {
        String copy = Sessions.sealed(Sessions.valid("access-1", "refresh-" + UUID.randomUUID()));
        assertSignedIn(copy);

        Response signOut = given().cookie(SESSION, copy)
                .header("Sec-Fetch-Site", "same-origin")
                .redirects()
                .follow(false)
                .post("/logout");
        assertEquals(303, signOut.statusCode());

        assertSignedOut(copy);
        given().cookie(SESSION, copy)
                .redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("please sign in again"));
    }

    @Test
    void s26_aSessionEndedInTheDatabaseByAnotherReplicaIsRefusedHereOnceTheCachePeriodIsOver() {
        Session session = Sessions.valid("access-1", "refresh-" + UUID.randomUUID());
        String cookie = Sessions.sealed(session);
        assertSignedIn(cookie); // this replica now remembers the session as not ended

        // Another replica's sign-out: only the shared database knows of it.
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ended_session (session_digest, expires_at) VALUES (?, ?)")) {
                insert.setString(1, EndedSessions.digest(session.sessionId()));
                insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
                return insert.executeUpdate();
            }
        });

        Eventually.within(
                EndedSessions.REMEMBER_ANSWER.plusSeconds(3),
                "the ended session is refused",
                () -> given().cookie(SESSION, cookie).get("/api/me/now-playing").statusCode() == 401);
        assertSignedOut(cookie);
    }

    @Test
    void s26_signOutEverywhereEndsEverySessionOfThatListenerAndNoOneElses() {
        String listener = Sessions.newListenerId();
        String phone = Sessions.sealed(Sessions.ofListener(listener, "Ada"));
        String laptop = Sessions.sealed(Sessions.ofListener(listener, "Ada"));
        String someoneElse = Sessions.sealed(Sessions.ofListener(Sessions.newListenerId(), "Bo"));
        assertSignedIn(laptop);
        assertSignedIn(someoneElse);

        Response signOut = given().cookie(SESSION, phone)
                .header("Sec-Fetch-Site", "same-origin")
                .redirects()
                .follow(false)
                .post("/logout/everywhere");
        assertEquals(303, signOut.statusCode());
        assertTrue(signOut.header("Location").endsWith("/?notice=signed-out-everywhere"));
        assertTrue(signOut.header("Set-Cookie").contains("Max-Age=0"), "this browser's cookie goes too");
        given().get("/?notice=signed-out-everywhere").then().body(containsString("signed out everywhere"));

        assertSignedOut(phone);
        assertSignedOut(laptop);
        assertSignedIn(someoneElse);

        // Signing in again afterwards works: only sessions signed in before the click ended.
        Instant later = Instant.now().plusSeconds(2);
        Session again = new Session(
                "access-again",
                "refresh-again",
                later.plus(Duration.ofMinutes(30)),
                later,
                listener,
                "Ada",
                null,
                Session.newId());
        assertSignedIn(Sessions.sealed(again));
    }

    @Test
    void s26_signOutEverywhereIsASameOriginPostOnly() {
        String cookie = Sessions.sealed(Sessions.valid("access-1", "refresh-" + UUID.randomUUID()));
        given().cookie(SESSION, cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .redirects()
                .follow(false)
                .post("/logout/everywhere")
                .then()
                .statusCode(403);
        assertSignedIn(cookie);
    }

    @Test
    void s26_aCookieFromBeforeSessionIdsCountsAsExpiredAndBreaksNothing() {
        Session old = Sessions.valid("access-1", "refresh-" + UUID.randomUUID());
        String cookie = Sessions.sealed(new Session(
                old.accessToken(),
                old.refreshToken(),
                old.accessExpiresAt(),
                old.signedInAt(),
                old.userId(),
                old.displayName(),
                old.avatarUrl(),
                null));
        assertSignedOut(cookie);
        given().cookie(SESSION, cookie).get("/").then().statusCode(200).body(containsString("please sign in again"));
        assertEquals(0, spotify.totalRequests(), "nothing reached Spotify");
    }

    @Test
    void s26_endedRowsPastTheSessionsExpiryAreSwept() {
        String gone = "swept-" + UUID.randomUUID();
        String kept = "kept-" + UUID.randomUUID();
        insertEnded(gone, Instant.now().minus(Duration.ofMinutes(1)));
        insertEnded(kept, Instant.now().plus(Duration.ofDays(1)));

        assertTrue(endedSessions.sweep() >= 1);

        assertEquals(0, countEnded(gone));
        assertEquals(1, countEnded(kept));
    }

    private void insertEnded(String digest, Instant expiresAt) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ended_session (session_digest, expires_at) VALUES (?, ?)")) {
                insert.setString(1, digest);
                insert.setObject(2, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
                return insert.executeUpdate();
            }
        });
    }

    private long countEnded(String digest) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT COUNT(*) FROM ended_session WHERE session_digest = ?")) {
                select.setString(1, digest);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private static void assertSignedIn(String cookie) {
        given().cookie(SESSION, cookie)
                .redirects()
                .follow(false)
                .get("/dashboard")
                .then()
                .statusCode(200);
        given().cookie(SESSION, cookie).get("/api/me/now-playing").then().statusCode(200);
    }

    /** The page sends the visitor to sign in again (as for any ended session), the JSON answers 401; the cookie is cleared. */
    private static void assertSignedOut(String cookie) {
        Response page =
                given().cookie(SESSION, cookie).redirects().follow(false).get("/dashboard");
        assertEquals(303, page.statusCode());
        assertTrue(page.header("Location").endsWith("/?notice=expired"), page.header("Location"));
        assertTrue(page.getDetailedCookie(SESSION).getMaxAge() == 0, "the cookie is cleared");
        given().cookie(SESSION, cookie).get("/api/me/now-playing").then().statusCode(401);
    }
}
