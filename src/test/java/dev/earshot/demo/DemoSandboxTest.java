package dev.earshot.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.earshot.testing.DemoProfile;
import dev.earshot.testing.SettableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoSandboxTest {

    private static final String AUTHORIZE = DemoSandbox.ACCOUNTS_PATH + "/authorize";
    private static final String TOKEN = DemoSandbox.ACCOUNTS_PATH + "/api/token";
    private static final String API = DemoSandbox.API_PATH + "/v1";
    private static final String REMOTE = DemoSandbox.REMOTE_PATH;
    private static final DateTimeFormatter PLAYED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String REDIRECT_URI = "http://127.0.0.1:8080/api/callback";
    // RFC 7636, appendix B.
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String ALL_SCOPES = "user-read-currently-playing user-read-recently-played user-top-read";
    private static final String STATE = "st ate/é&x=1";
    /** The start of some round of the playback cycle; offsets below are seconds into it. */
    private static final Instant ROUND =
            DemoPlayback.EPOCH.plus(new DemoPlayback().cycleLength().multipliedBy(500));

    private final SettableClock time = new SettableClock(ROUND.plusSeconds(60));

    @BeforeEach
    void pinTheClockWithAnUntouchedPlayer() {
        DemoClock clock = new DemoClock(time);
        QuarkusMock.installMockForType(clock, DemoClock.class);
        // A player of its own per case: the remote's presses of one test must not shift the next one's timeline.
        QuarkusMock.installMockForType(new DemoPlayback(), DemoPlayback.class);
        // And an owner sign-in of its own: stamped with this test's pinned time, the app's real one (shared with
        // the other demo tests) would look six months old to them and go offline.
        QuarkusMock.installMockForType(new DemoOwnerSignIn(clock), DemoOwnerSignIn.class);
    }

    // --- The authorize page ---

    @Test
    void theConsentPageShowsTheSandboxTheAccountAndTheScopesEscaped() {
        String html = authorizeRequest(Map.of("scope", ALL_SCOPES + " <script>alert('x')</script>"))
                .get(AUTHORIZE)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store")
                .extract()
                .asString();
        for (String expected : new String[] {
            "Demo Spotify sandbox — sample data",
            "Earshot",
            "Demo Listener",
            "See what you&#39;re playing right now",
            "See your recently played tracks",
            "See your top artists and tracks",
            ">Allow</button>",
            ">Cancel</button>",
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
            "href=\"consent.css\""
        }) {
            assertThat(html, containsString(expected));
        }
        assertThat(html, not(containsString("<script")));
        assertThat(html, not(containsString("style=")));
        assertThat(html, not(containsString("<style")));
    }

    @Test
    void theStylesheetIsServedByTheSandbox() {
        given().get(DemoSandbox.ACCOUNTS_PATH + "/consent.css")
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"))
                .body(containsString("prefers-color-scheme: dark"));
    }

    @Test
    void localhostRedirectUrisAreRefusedOnAPageNotARedirect() {
        authorizeRequest(Map.of("redirect_uri", "http://localhost:8080/api/callback"))
                .get(AUTHORIZE)
                .then()
                .statusCode(400)
                .header("Location", nullValue())
                .body(containsString("INVALID_CLIENT: Insecure redirect URI"));
        authorizeRequest(Map.of("redirect_uri", "/api/callback"))
                .get(AUTHORIZE)
                .then()
                .statusCode(400)
                .body(containsString("INVALID_CLIENT: Invalid redirect URI"));
    }

    @Test
    void anUnknownClientIsRefusedOnAPage() {
        authorizeRequest(Map.of("client_id", "someone-else"))
                .get(AUTHORIZE)
                .then()
                .statusCode(400)
                .header("Location", nullValue())
                .body(containsString("INVALID_CLIENT: Invalid client"));
    }

    @Test
    void aWrongResponseTypeGoesBackToTheAppAsAnError() {
        Response response = authorizeRequest(Map.of("response_type", "token")).get(AUTHORIZE);
        assertEquals(303, response.statusCode());
        Map<String, String> answer = callbackQuery(response);
        assertEquals("unsupported_response_type", answer.get("error"));
        assertEquals(STATE, answer.get("state"));
    }

    @Test
    void cancelGoesBackWithAccessDenied() {
        Response response = decide("cancel", Map.of());
        assertEquals(303, response.statusCode());
        assertThat(response.header("Location"), startsWith(REDIRECT_URI + "?"));
        Map<String, String> answer = callbackQuery(response);
        assertEquals("access_denied", answer.get("error"));
        assertEquals(STATE, answer.get("state"));
        assertFalse(answer.containsKey("code"));
    }

    @Test
    void theFormIsCheckedAgainWhenPosted() {
        Response response = decide("allow", Map.of("redirect_uri", "http://localhost:8080/api/callback"));
        assertEquals(400, response.statusCode());
        assertThat(response.asString(), containsString("Insecure redirect URI"));
    }

    // --- The token endpoint ---

    @Test
    void theWholeSignInGivesTokensThatOpenTheWebApi() {
        String code = allow(ALL_SCOPES);
        JsonPath tokens = exchange(code, VERIFIER, REDIRECT_URI)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(60)) // DemoProfile's access-token lifetime
                .body("scope", equalTo(ALL_SCOPES))
                .body("access_token", not(emptyString()))
                .body("refresh_token", not(emptyString()))
                .extract()
                .jsonPath();
        String accessToken = tokens.getString("access_token");

        String origin = "http://127.0.0.1:" + RestAssured.port;
        api(accessToken)
                .get(API + "/me")
                .then()
                .statusCode(200)
                .body("id", equalTo("demo-listener"))
                .body("display_name", equalTo("Demo Listener"))
                .body("type", equalTo("user"))
                .body("uri", equalTo("spotify:user:demo-listener"))
                .body("external_urls.spotify", equalTo("https://open.spotify.com/user/demo-listener"))
                .body("images", hasSize(3))
                .body("images[0].url", equalTo(origin + "/demo/spotify/art/demo-listener.svg"))
                .body("images.height", hasItem(640));

        api(accessToken)
                .queryParam("additional_types", "track,episode")
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(200)
                .body("is_playing", equalTo(true))
                .body("progress_ms", equalTo(60_000))
                .body("timestamp", equalTo(ROUND.toEpochMilli()))
                .body("currently_playing_type", equalTo("track"))
                .body("$", hasKey("context"))
                .body("context", nullValue())
                .body("actions", notNullValue())
                .body("item.type", equalTo("track"))
                .body("item.name", equalTo("真夜中のドライブ"))
                .body("item.duration_ms", equalTo(252_000))
                .body("item.is_local", equalTo(false))
                .body("item.explicit", equalTo(false))
                .body("item.uri", startsWith("spotify:track:"))
                .body("item.external_urls.spotify", startsWith("https://open.spotify.com/track/"))
                .body("item.artists[0].name", equalTo("月島ミナ"))
                .body("item.artists[0].type", equalTo("artist"))
                .body("item.album.name", equalTo("夜明けのシティライト"))
                .body("item.album.album_type", equalTo("album"))
                .body("item.album.release_date", equalTo("2021-04-07"))
                .body("item.album.images.width", equalTo(List.of(640, 300, 64)))
                .body("item.album.images[0].url", startsWith(origin + "/demo/spotify/art/"));

        api(accessToken)
                .queryParam("limit", 5)
                .get(API + "/me/player/recently-played")
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("limit", equalTo(5))
                .body("items[0].track.name", equalTo("Loud & <Proud>"))
                .body(
                        "items[0].played_at",
                        equalTo(DateTimeFormatter.ISO_INSTANT.format(ROUND).replace("Z", ".000Z")))
                .body("items[0]", hasKey("context"))
                .body("items.track.type", everyItem(equalTo("track")))
                .body("cursors.after", equalTo(Long.toString(ROUND.toEpochMilli())))
                .body("cursors.before", notNullValue())
                .body("next", containsString("before="))
                .body("href", startsWith(origin + "/demo/spotify/api/v1/me/player/recently-played"));

        api(accessToken)
                .queryParam("time_range", "short_term")
                .queryParam("limit", 5)
                .queryParam("offset", 5)
                .get(API + "/me/top/tracks")
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("total", equalTo(12))
                .body("limit", equalTo(5))
                .body("offset", equalTo(5))
                .body("next", containsString("offset=10"))
                .body("previous", containsString("offset=0"))
                .body("href", containsString("time_range=short_term"))
                .body("items.type", everyItem(equalTo("track")));

        api(accessToken)
                .get(API + "/me/top/artists")
                .then()
                .statusCode(200)
                .body("items", hasSize(13))
                .body("total", equalTo(13))
                .body("limit", equalTo(20))
                .body("offset", equalTo(0))
                .body("next", nullValue())
                .body("previous", nullValue())
                .body("items[0].name", equalTo("Hafsól"))
                .body("items[0].type", equalTo("artist"))
                // What Spotify sends Development Mode apps since 2026: no genres, no popularity.
                .body("items[0]", not(hasKey("genres")))
                .body("items[0]", not(hasKey("popularity")))
                .body("items[0].images", hasSize(3));
    }

    @Test
    void aCodeWorksOnlyOnce() {
        String code = allow(ALL_SCOPES);
        exchange(code, VERIFIER, REDIRECT_URI).then().statusCode(200);
        exchange(code, VERIFIER, REDIRECT_URI)
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("Invalid authorization code"));
    }

    @Test
    void aWrongVerifierIsRefused() {
        exchange(allow(ALL_SCOPES), VERIFIER.replace('d', 'e'), REDIRECT_URI)
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("code_verifier was incorrect"));
    }

    @Test
    void aDifferentRedirectUriIsRefused() {
        exchange(allow(ALL_SCOPES), VERIFIER, REDIRECT_URI + "/")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        String code = allow(ALL_SCOPES);
        time.advance(Duration.ofMinutes(10).plusSeconds(1));
        exchange(code, VERIFIER, REDIRECT_URI).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aWrongClientSecretIsRefused() {
        given().auth()
                .preemptive()
                .basic(DemoSandbox.CLIENT_ID, "not-the-secret")
                .formParams(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        allow(ALL_SCOPES),
                        "redirect_uri",
                        REDIRECT_URI,
                        "code_verifier",
                        VERIFIER))
                .post(TOKEN)
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"))
                .body("error_description", equalTo("Invalid client"));
    }

    @Test
    void clientCredentialsMayComeAsFormFields() {
        given().formParams(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        allow(ALL_SCOPES),
                        "redirect_uri",
                        REDIRECT_URI,
                        "code_verifier",
                        VERIFIER,
                        "client_id",
                        DemoSandbox.CLIENT_ID,
                        "client_secret",
                        DemoSandbox.CLIENT_SECRET))
                .post(TOKEN)
                .then()
                .statusCode(200);
    }

    @Test
    void anUnknownGrantTypeIsRefused() {
        given().auth()
                .preemptive()
                .basic(DemoSandbox.CLIENT_ID, DemoSandbox.CLIENT_SECRET)
                .formParam("grant_type", "password")
                .post(TOKEN)
                .then()
                .statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void refreshingGivesANewAccessTokenAndRotatesTheRefreshToken() {
        JsonPath first = exchange(allow(ALL_SCOPES), VERIFIER, REDIRECT_URI)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String refreshToken = first.getString("refresh_token");

        time.advance(Duration.ofMinutes(6));
        api(first.getString("access_token"))
                .get(API + "/me")
                .then()
                .statusCode(401)
                .body("error.status", equalTo(401))
                .body("error.message", equalTo("The access token expired"));

        JsonPath second = refresh(refreshToken)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo(ALL_SCOPES))
                .extract()
                .jsonPath();
        assertNotEquals(refreshToken, second.getString("refresh_token"));
        api(second.getString("access_token")).get(API + "/me").then().statusCode(200);

        // The old refresh token keeps working, and a PKCE client may refresh with its id alone.
        refresh(refreshToken).then().statusCode(200);
        given().formParams(Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        second.getString("refresh_token"),
                        "client_id",
                        DemoSandbox.CLIENT_ID))
                .post(TOKEN)
                .then()
                .statusCode(200);

        // Six months after signing in, no refresh helps any more.
        time.advance(Duration.ofDays(184));
        refresh(second.getString("refresh_token"))
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("Refresh token revoked"));
    }

    @Test
    void theOwnersStandingSignInIsRefreshedAtTheTokenEndpointLikeAnyOther() {
        // Demo mode configures it as SPOTIFY_REFRESH_TOKEN: the app obtains the owner's tokens over HTTP.
        JsonPath answer = refresh(DemoSandbox.OWNER_REFRESH_TOKEN)
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo(ALL_SCOPES))
                .extract()
                .jsonPath();
        api(answer.getString("access_token")).get(API + "/me").then().statusCode(200);
        refresh(answer.getString("refresh_token")).then().statusCode(200);
    }

    @Test
    void anAccessTokenIsNoRefreshToken() {
        String accessToken = signIn(ALL_SCOPES);
        refresh(accessToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    // --- The Web API ---

    @Test
    void badOrMissingTokensGetSpotifysErrorShape() {
        api("not-a-token")
                .get(API + "/me")
                .then()
                .statusCode(401)
                .contentType(containsString("application/json"))
                .body("error.status", equalTo(401))
                .body("error.message", equalTo("Invalid access token"));
        given().get(API + "/me/player/currently-playing")
                .then()
                .statusCode(401)
                .body("error.message", equalTo("Invalid access token"));
        // A refresh token is not a bearer token.
        String refreshToken =
                exchange(allow(ALL_SCOPES), VERIFIER, REDIRECT_URI).jsonPath().getString("refresh_token");
        api(refreshToken).get(API + "/me").then().statusCode(401);
    }

    @Test
    void recentlyPlayedKeepsEachPlayedAtAndAfterListsOnlyLaterPlaysLikeSpotify() {
        time.set(ROUND);
        String accessToken = signIn(ALL_SCOPES);
        List<String> first = api(accessToken)
                .queryParam("limit", 50)
                .get(API + "/me/player/recently-played")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.played_at", String.class);
        time.advance(Duration.ofMinutes(20));
        accessToken = signIn(ALL_SCOPES); // the first token has expired meanwhile
        List<String> later = api(accessToken)
                .queryParam("limit", 50)
                .get(API + "/me/player/recently-played")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.played_at", String.class);
        // New plays come first; the ones seen before are there with the very same played_at.
        assertNotEquals(first.get(0), later.get(0));
        assertEquals(
                first.subList(0, 40), later.subList(later.indexOf(first.get(0)), later.indexOf(first.get(0)) + 40));

        long cursor = Instant.parse(first.get(0)).toEpochMilli();
        List<String> after = api(accessToken)
                .queryParam("limit", 50)
                .queryParam("after", cursor)
                .get(API + "/me/player/recently-played")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.played_at", String.class);
        assertEquals(later.subList(0, later.indexOf(first.get(0))), after, "only the plays after the cursor");
    }

    @Test
    void aMissingScopeIsForbidden() {
        String accessToken = signIn("user-top-read");
        api(accessToken)
                .get(API + "/me/player/recently-played")
                .then()
                .statusCode(403)
                .body("error.status", equalTo(403))
                .body("error.message", equalTo("Insufficient client scope"));
        api(accessToken).get(API + "/me/top/tracks").then().statusCode(200);
    }

    @Test
    void invalidParametersGetSpotifysErrorShape() {
        String accessToken = signIn(ALL_SCOPES);
        api(accessToken)
                .queryParam("time_range", "forever")
                .get(API + "/me/top/artists")
                .then()
                .statusCode(400)
                .body("error.status", equalTo(400))
                .body("error.message", equalTo("Invalid time range"));
        for (String limit : new String[] {"0", "51", "ten"}) {
            api(accessToken)
                    .queryParam("limit", limit)
                    .get(API + "/me/top/tracks")
                    .then()
                    .statusCode(400)
                    .body("error.status", equalTo(400));
            api(accessToken)
                    .queryParam("limit", limit)
                    .get(API + "/me/player/recently-played")
                    .then()
                    .statusCode(400);
        }
    }

    @Test
    void anEpisodeShowsOnlyWhenEpisodesAreAskedFor() {
        time.set(ROUND.plusSeconds(800));
        String accessToken = signIn(ALL_SCOPES);
        api(accessToken)
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(200)
                .body("currently_playing_type", equalTo("episode"))
                .body("$", hasKey("item"))
                .body("item", nullValue());
        api(accessToken)
                .queryParam("additional_types", "track,episode")
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(200)
                .body("currently_playing_type", equalTo("episode"))
                .body("progress_ms", equalTo(11_000))
                .body("item.type", equalTo("episode"))
                .body("item.show.name", equalTo("Side B: Stories Behind the Songs"))
                .body("item.show.publisher", equalTo("Paper Moon Audio"))
                .body("item.images", hasSize(3))
                .body("item", not(hasKey("album")))
                .body("item", not(hasKey("artists")));
    }

    @Test
    void aPausedSongKeepsItsPlaceAndSilenceIsNoContent() {
        time.set(ROUND.plusSeconds(1480));
        String accessToken = signIn(ALL_SCOPES);
        api(accessToken)
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(200)
                .body("is_playing", equalTo(false))
                .body("progress_ms", equalTo(95_000))
                .body("item.name", startsWith("Goldberg Variations, BWV 988"));
        time.set(ROUND.plusSeconds(1950));
        api(signIn(ALL_SCOPES))
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(204)
                .body(emptyString());
    }

    @Test
    void theRemoteSkipsPausesAndResumesWhatTheWebApiReports() {
        String accessToken = signIn(ALL_SCOPES);
        api(accessToken)
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(200)
                .body("item.name", equalTo("真夜中のドライブ"))
                .body("progress_ms", equalTo(60_000));

        given().post(REMOTE + "/next").then().statusCode(204).body(emptyString());
        api(accessToken)
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(200)
                .body("item.name", equalTo("Ísbrú"))
                .body("progress_ms", equalTo(0))
                .body("is_playing", equalTo(true))
                .body("timestamp", equalTo(time.instant().toEpochMilli()));
        // The skipped song ended just now, as far as recently played is concerned.
        api(accessToken)
                .queryParam("limit", 1)
                .get(API + "/me/player/recently-played")
                .then()
                .statusCode(200)
                .body("items[0].track.name", equalTo("真夜中のドライブ"))
                .body("items[0].played_at", equalTo(PLAYED_AT.format(time.instant())));

        time.advance(Duration.ofSeconds(5));
        given().post(REMOTE + "/pause").then().statusCode(204);
        time.advance(Duration.ofSeconds(50)); // less than a token's minute under DemoProfile
        api(accessToken)
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(200)
                .body("item.name", equalTo("Ísbrú"))
                .body("progress_ms", equalTo(5_000))
                .body("is_playing", equalTo(false));

        given().post(REMOTE + "/play").then().statusCode(204);
        time.advance(Duration.ofSeconds(2));
        api(accessToken)
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(200)
                .body("item.name", equalTo("Ísbrú"))
                .body("progress_ms", equalTo(7_000))
                .body("is_playing", equalTo(true));

        given().post(REMOTE + "/restart").then().statusCode(204);
        api(accessToken)
                .get(API + "/me/player/currently-playing")
                .then()
                .statusCode(200)
                .body("item.name", equalTo("真夜中のドライブ"))
                .body("progress_ms", equalTo(0))
                .body("is_playing", equalTo(true));
    }

    @Test
    void coverArtIsAnSvg() {
        given().get(DemoSandbox.ART_PATH + "/abc123.svg")
                .then()
                .statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .body(startsWith("<svg"))
                .body(containsString("viewBox='0 0 640 640'"));
    }

    // --- Helpers ---

    private RequestSpecification authorizeRequest(Map<String, String> overrides) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", DemoSandbox.CLIENT_ID);
        parameters.put("response_type", "code");
        parameters.put("redirect_uri", REDIRECT_URI);
        parameters.put("scope", ALL_SCOPES);
        parameters.put("state", STATE);
        parameters.put("code_challenge_method", "S256");
        parameters.put("code_challenge", CHALLENGE);
        parameters.putAll(overrides);
        return given().redirects().follow(false).queryParams(parameters);
    }

    private static Response decide(String decision, Map<String, String> overrides) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", DemoSandbox.CLIENT_ID);
        form.put("response_type", "code");
        form.put("redirect_uri", REDIRECT_URI);
        form.put("scope", ALL_SCOPES);
        form.put("state", STATE);
        form.put("code_challenge_method", "S256");
        form.put("code_challenge", CHALLENGE);
        form.putAll(overrides);
        form.put("decision", decision);
        return given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form)
                .post(AUTHORIZE);
    }

    private static String allow(String scopes) {
        Response response = decide("allow", Map.of("scope", scopes));
        assertEquals(303, response.statusCode());
        Map<String, String> answer = callbackQuery(response);
        assertEquals(STATE, answer.get("state"));
        return answer.get("code");
    }

    private static String signIn(String scopes) {
        return exchange(allow(scopes), VERIFIER, REDIRECT_URI)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("access_token");
    }

    private static Response exchange(String code, String verifier, String redirectUri) {
        return given().auth()
                .preemptive()
                .basic(DemoSandbox.CLIENT_ID, DemoSandbox.CLIENT_SECRET)
                .formParams(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        redirectUri,
                        "code_verifier",
                        verifier))
                .post(TOKEN);
    }

    private static Response refresh(String refreshToken) {
        return given().auth()
                .preemptive()
                .basic(DemoSandbox.CLIENT_ID, DemoSandbox.CLIENT_SECRET)
                .formParams(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .post(TOKEN);
    }

    private static RequestSpecification api(String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken);
    }

    private static Map<String, String> callbackQuery(Response response) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(response.header("Location")).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
