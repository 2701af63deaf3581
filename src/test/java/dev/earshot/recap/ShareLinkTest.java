package dev.earshot.recap;

import static dev.earshot.history.StoredPlays.track;
import static dev.earshot.testing.CookieNames.SESSION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import dev.earshot.history.StoredPlays;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.WireMockSpotify;
import dev.earshot.web.Sha256;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** S29: share links — unguessable, stored only as a digest, revocable, expiring, cookie-free and unlisted. */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class ShareLinkTest {

    private static final Pattern LINK = Pattern.compile("value=\"(https?://[^\"]+/share/([^\"]+))\"");
    private static final Pattern URL_SAFE_256_BITS = Pattern.compile("[A-Za-z0-9_-]{43}");

    @InjectSpotify
    FakeSpotify spotify;

    @Inject
    Database database;

    private String listener;
    private String cookie;

    @BeforeEach
    void aListenerWithAYear() {
        spotify.resetWithSampleListener();
        listener = Sessions.newListenerId();
        cookie = Sessions.sealed(Sessions.ofListener(listener, "Ada Secretname"));
        StoredPlays.insert(
                listener,
                track("2024-04-01T10:00:00Z", 600_000, "spotify:track:1", "Shared Song", "Shared Band"),
                track("2024-04-02T10:00:00Z", 300_000, "spotify:track:2", "Other Song", "Other Band"));
    }

    private RequestSpecification signedIn(String sessionCookie) {
        return given().cookie(SESSION, sessionCookie).redirects().follow(false);
    }

    /** Makes a link through the recap page's form and gives back its id. */
    private String share(String sessionCookie, String kind, String expires) {
        String page = signedIn(sessionCookie)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("kind", kind)
                .formParam("from", "2024-01-01")
                .formParam("to", "2025-01-01")
                .formParam("tz", "UTC")
                .formParam("expires", expires)
                .post("/share")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("only this once"))
                .extract()
                .asString();
        Matcher link = LINK.matcher(page);
        assertTrue(link.find(), page);
        assertTrue(link.group(1).endsWith("/share/" + link.group(2)), link.group(1));
        return link.group(2);
    }

    private String share() {
        return share(cookie, "recap", "never");
    }

    private List<Map<String, Object>> handles(String sessionCookie) {
        return signedIn(sessionCookie)
                .get("/api/me/shares")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    @Test
    void s29_theIdIs256UrlSafeRandomBitsAndTwoLinksDiffer() {
        String first = share();
        String second = share();
        assertTrue(URL_SAFE_256_BITS.matcher(first).matches(), first);
        assertTrue(URL_SAFE_256_BITS.matcher(second).matches(), second);
        assertNotEquals(first, second);
        assertTrue(ShareLinks.ID_BYTES * 8 >= 128, "at least 128 random bits");
    }

    @Test
    void s29_theDatabaseHoldsOnlyTheLinksDigest() {
        String id = share();
        List<String> stored = database.inTransaction(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT * FROM share_link WHERE listener_id = ?")) {
                select.setString(1, listener);
                List<String> values = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            values.add(String.valueOf(rows.getObject(column)));
                        }
                    }
                }
                return values;
            }
        });
        assertTrue(stored.contains(HexFormat.of().formatHex(Sha256.of(id))), "its SHA-256: " + stored);
        assertTrue(stored.stream().noneMatch(value -> value.contains(id)), "never the id itself: " + stored);
        List<Map<String, Object>> listed = handles(cookie);
        assertEquals(1, listed.size());
        assertFalse(listed.toString().contains(id), "the list names it by handle only: " + listed);
        assertEquals("recap", listed.get(0).get("kind"));
        assertEquals("2024-01-01", listed.get(0).get("from"));
        assertEquals("2025-01-01", listed.get(0).get("to"));
    }

    @Test
    void s29_anyoneWithTheLinkSeesTheRecapWithNoCookieReadOrSetAndNoIndexing() {
        String id = share();
        for (RequestSpecification visitor : List.of(
                given(),
                given().cookie(SESSION, cookie),
                // An unreadable session cookie: a page that looked the session up would clear it.
                given().cookie(SESSION, "not-a-sealed-cookie"))) {
            Response shared = visitor.redirects().follow(false).get("/share/" + id);
            assertEquals(200, shared.statusCode());
            assertNull(shared.header("Set-Cookie"), "no cookie set");
            assertUnlisted(shared);
            String page = shared.asString();
            assertTrue(page.contains("<meta name=\"robots\" content=\"noindex\">"), page);
            assertTrue(page.contains("Shared from Earshot"), page);
            assertTrue(page.contains("A listener&#39;s 2024 on Earshot"), page);
            assertEquals("15", RecapPageTest.figure(page, "minutes"));
            assertEquals(List.of("Shared Band", "Other Band"), RecapPageTest.names(page, "top-artists"));
            assertFalse(page.contains("Secretname"), "nothing of the listener but the figures");
            for (String intoTheApp : List.of("/dashboard", "/history", "/recap", "action=\"/share", "/logout")) {
                assertFalse(page.contains(intoTheApp), "no link into the app: " + intoTheApp);
            }
            assertTrue(page.contains("href=\"/share/" + id + "/card.svg\""), "the card of the same link");

            Response card = visitor.get("/share/" + id + "/card.svg");
            assertEquals(200, card.statusCode());
            assertTrue(card.contentType().startsWith("image/svg+xml"));
            assertNull(card.header("Set-Cookie"));
            assertUnlisted(card);
            assertTrue(card.asString().contains("Shared Band"));
        }
    }

    @Test
    void s29_revokedUnknownMalformedAndExpiredLinksAllGetTheSame404() {
        String revoked = share();
        String handle = (String) handles(cookie).get(0).get("handle");
        signedIn(cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("handle", handle)
                .post("/share/revoke")
                .then()
                .statusCode(303);
        String expired = share(cookie, "recap", "1d");
        Instant expiresAt = expiresAt(expired);
        assertTrue(
                Duration.between(Instant.now(), expiresAt)
                                .minus(Duration.ofDays(1))
                                .abs()
                                .toMinutes()
                        < 5,
                "1d is a day: " + expiresAt);
        given().get("/share/" + expired).then().statusCode(200);
        setExpiresAt(expired, Instant.now().minusSeconds(1));

        String notFound = null;
        for (String id : List.of(
                revoked,
                expired,
                "A".repeat(43),
                "short",
                "%3Cscript%3E",
                revoked.substring(0, 42) + "!",
                HexFormat.of().formatHex(Sha256.of(revoked)))) {
            for (String path : List.of("/share/" + id, "/share/" + id + "/card.svg")) {
                Response answer = given().cookie(SESSION, cookie).get(path);
                assertEquals(404, answer.statusCode(), path);
                assertNull(answer.header("Set-Cookie"), path);
                assertUnlisted(answer);
                String page = answer.asString().replaceAll("<code>[^<]*</code>", "<code>ref</code>");
                if (notFound == null) {
                    notFound = page;
                }
                assertEquals(notFound, page, "one 404 for every link that does not work: " + path);
            }
        }
        assertTrue(notFound.contains("This link does not work"), notFound);
        assertEquals(List.of(), handles(cookie), "revoked and expired links leave the list");
    }

    @Test
    void s29_anotherListenerCannotRevokeYours() {
        String id = share();
        String handle = (String) handles(cookie).get(0).get("handle");
        String other = Sessions.sealed(Sessions.valid("access-other", "refresh-other"));
        signedIn(other)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("handle", handle)
                .post("/share/revoke")
                .then()
                .statusCode(404);
        signedIn(other)
                .header("Sec-Fetch-Site", "same-origin")
                .delete("/api/me/shares/" + handle)
                .then()
                .statusCode(404);
        given().get("/share/" + id).then().statusCode(200);
        assertEquals(1, handles(cookie).size());
    }

    @Test
    void s29_s17_sharingAndRevokingWithoutSameOriginAreRefusedAndChangeNothing() {
        String id = share();
        String handle = (String) handles(cookie).get(0).get("handle");
        for (RequestSpecification request : List.of(
                signedIn(cookie),
                signedIn(cookie).header("Sec-Fetch-Site", "cross-site"),
                signedIn(cookie).header("Origin", "https://evil.example"))) {
            request.formParam("kind", "recap")
                    .formParam("expires", "never")
                    .post("/share")
                    .then()
                    .statusCode(403);
        }
        signedIn(cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .formParam("handle", handle)
                .post("/share/revoke")
                .then()
                .statusCode(403);
        signedIn(cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .delete("/api/me/shares/" + handle)
                .then()
                .statusCode(403);
        signedIn(cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "recap"))
                .post("/api/me/shares")
                .then()
                .statusCode(403);
        assertEquals(1, handles(cookie).size(), "no link made, none revoked");
        given().get("/share/" + id).then().statusCode(200);
    }

    @Test
    void s29_s30_forgettingTheHistoryDeletesTheShareLinks() {
        String id = share();
        signedIn(cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("understood", "yes")
                .post("/history/forget")
                .then()
                .statusCode(200);
        assertEquals(0L, shareRows(listener));
        given().get("/share/" + id).then().statusCode(404);
    }

    @Test
    void s29_theJsonApiMakesListsAndRevokesByHandle() {
        Response made = signedIn(cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "history", "from", "2024-04-01", "to", "2024-05-01", "expires", "7d"))
                .post("/api/me/shares");
        assertEquals(201, made.statusCode(), made.asString());
        assertTrue(made.header("Cache-Control").contains("no-store"));
        String url = made.jsonPath().getString("url");
        String id = url.substring(url.lastIndexOf('/') + 1);
        String handle = made.jsonPath().getString("link.handle");
        assertTrue(handle.matches("[0-9a-f]{8}-[0-9]+"), handle);
        assertFalse(handle.contains(id));
        // A history link shows the history page of its period, read-only: no picker, no way into the app.
        Response shared = given().cookie(SESSION, cookie).get("/share/" + id);
        assertEquals(200, shared.statusCode());
        assertNull(shared.header("Set-Cookie"), "a share link sets no cookie");
        assertTrue(shared.header("X-Robots-Tag").contains("noindex"));
        String page = shared.asString();
        assertTrue(page.contains("Shared from Earshot"), page);
        assertTrue(page.contains("<meta name=\"robots\" content=\"noindex"), page);
        assertFalse(page.contains("/history/artist"), "artist names are plain text on a shared page");
        assertFalse(page.contains("timezone.js"), "a shared page sets no time-zone cookie");
        assertEquals("history", handles(cookie).get(0).get("kind"));
        signedIn(cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .delete("/api/me/shares/" + handle)
                .then()
                .statusCode(204);
        given().get("/share/" + id).then().statusCode(404);
        signedIn(cookie)
                .header("Sec-Fetch-Site", "same-origin")
                .delete("/api/me/shares/" + handle)
                .then()
                .statusCode(404);
        given().get("/api/me/shares").then().statusCode(401);
    }

    @Test
    void s29_theRecapPageListsTheWorkingLinksWithARevokeButtonEach() {
        share();
        share(cookie, "recap", "30d");
        String page = signedIn(cookie).get("/recap?year=2024").asString();
        assertEquals(2, page.split("action=\"/share/revoke\"", -1).length - 1, page);
        for (Map<String, Object> link : handles(cookie)) {
            assertTrue(page.contains("value=\"" + link.get("handle") + "\""), page);
        }
        assertTrue(page.contains("works until revoked"), page);
    }

    @Test
    void badShareRequestsAreA400AndSignedOutOnesMakeNothing() {
        for (Map<String, String> form : List.of(
                Map.of("kind", "everything"),
                Map.of("kind", "recap", "expires", "2d"),
                Map.of("kind", "recap", "from", "2024-13-01"),
                Map.of("kind", "recap", "tz", "Mars/Olympus"))) {
            signedIn(cookie)
                    .header("Sec-Fetch-Site", "same-origin")
                    .formParams(form)
                    .post("/share")
                    .then()
                    .statusCode(400)
                    .body(containsString("No link was made"));
        }
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("kind", "recap")
                .post("/share")
                .then()
                .statusCode(303);
        assertEquals(0L, shareRows(listener));
    }

    private static void assertUnlisted(Response response) {
        assertEquals("noindex, nofollow", response.header("X-Robots-Tag"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertNotEquals(null, response.header("Content-Security-Policy"));
    }

    private Instant expiresAt(String id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT expires_at FROM share_link WHERE link_digest = ?")) {
                select.setString(1, ShareLinks.digest(id));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return SqlTime.read(row, 1);
                }
            }
        });
    }

    private void setExpiresAt(String id, Instant when) {
        database.inTransaction(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE share_link SET expires_at = ? WHERE link_digest = ?")) {
                update.setObject(1, SqlTime.of(when));
                update.setString(2, ShareLinks.digest(id));
                return update.executeUpdate();
            }
        });
    }

    private long shareRows(String listenerId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement count =
                    connection.prepareStatement("SELECT COUNT(*) FROM share_link WHERE listener_id = ?")) {
                count.setString(1, listenerId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
