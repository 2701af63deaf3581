package dev.earshot.owner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.earshot.auth.HeldTokens;
import dev.earshot.listening.NowPlayingFeed;
import dev.earshot.spotify.TokenGrant;
import dev.earshot.testing.CookieNames;
import dev.earshot.testing.Eventually;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.HeldRows;
import dev.earshot.testing.InjectSpotify;
import dev.earshot.testing.Sessions;
import dev.earshot.testing.SignInSteps;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The owner's account behind the public endpoints: stampedes, faults, rotation and restarts (R02, R04, R05, R08, S19, S20). */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@TestProfile(OwnerModeTest.WithOwnerToken.class)
public class OwnerModeTest {

    @InjectSpotify
    FakeSpotify spotify;

    static final Path DATA_DIR =
            Path.of("target", "owner-mode-test-" + ProcessHandle.current().pid());

    public static class WithOwnerToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "spotify.refresh-token",
                    "owner-refresh-from-env",
                    "earshot.data-dir",
                    DATA_DIR.toString(),
                    "earshot.owner.id",
                    "listener-1");
        }
    }

    @Inject
    OwnerAccount owner;

    @Inject
    HeldTokens held;

    @Inject
    NowPlayingFeed feed;

    @Inject
    OwnerExpiryWarnings expiryWarnings;

    @Inject
    jakarta.enterprise.event.Event<OwnerConnected> ownerConnected;

    @BeforeEach
    void reset() throws Exception {
        spotify.resetWithSampleListener();
        held.release(HeldTokens.OWNER);
        owner.start(); // as a fresh start with SPOTIFY_REFRESH_TOKEN does
        spotify.stubTokenGrant("owner-access-1", null, 3600);
        feed.forget("owner:");
        ownerConnected.fire(
                new OwnerConnected("listener-1")); // the embeds' caches start cold, as after a new connection
    }

    @Test
    void r08_fiveHundredConcurrentViewersOnAColdCacheCostOneTokenCallAndOneApiCall() throws Exception {
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(
                        FakeSpotify.tokenAnswer("owner-access-1", null, 3600).withFixedDelay(200)));
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING,
                okJson(FakeSpotify.fixture("currently-playing-track.json")).withFixedDelay(200));
        // A plain JDK client fires all 500 at once: the whole stampede lands within the cache period.
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/now-playing");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("Night Drive"));
        }
        assertEquals(1, spotify.tokenCalls(), "one token refresh");
        assertEquals(1, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING), "one currently-playing call");
    }

    @Test
    void s19_s20_publicJsonHasTheContractCorsAndNoCookies() {
        Response response = given().cookie(CookieNames.SESSION, "anything").get("/api/now-playing");
        response.then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("song.trackName", equalTo("Night Drive"))
                .body("song.artists[0]", equalTo("The Lamplighters"))
                .body("status", equalTo("playing"))
                .body("stale", equalTo(false));
        assertTrue(response.headers().getValues("Set-Cookie").isEmpty(), "no Set-Cookie");
        assertTrue(response.header("Cache-Control").startsWith("public"), response.header("Cache-Control"));
        // Only this endpoint is cross-origin readable.
        assertNull(given().get("/").header("Access-Control-Allow-Origin"));
    }

    @Test
    void r02_429IsHonouredAndTheLastValueServedStale() throws Exception {
        given().get("/api/now-playing").then().body("stale", equalTo(false));
        Thread.sleep(3100);
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING,
                FakeSpotify.spotifyError(429, "slow down").withHeader("Retry-After", "30"));
        // The first viewer after the cache period is served the cached value at once (R10); the 429 arrives in the
        // background.
        given().get("/api/now-playing").then().statusCode(200).body("song.trackName", equalTo("Night Drive"));
        Eventually.within(
                Duration.ofSeconds(2),
                "the 429 marks the value stale",
                () -> given().get("/api/now-playing")
                        .then()
                        .extract()
                        .path("stale")
                        .equals(true));
        for (int i = 0; i < 5; i++) {
            given().get("/api/now-playing")
                    .then()
                    .statusCode(200)
                    .body("stale", equalTo(true))
                    .body("song.trackName", equalTo("Night Drive"));
        }
        assertEquals(2, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING), "no call while Retry-After runs");
    }

    @Test
    void r05_aRotatedRefreshTokenIsSavedAndSurvivesARestart() {
        spotify.stubTokenGrant("owner-access-2", "owner-refresh-rotated", 3600);
        given().get("/api/now-playing").then().statusCode(200);
        assertEquals(
                "owner-refresh-rotated", HeldRows.refreshToken(HeldTokens.OWNER).orElseThrow());
        assertFalse(
                HeldRows.sealedRefreshToken(HeldTokens.OWNER).orElseThrow().contains("owner-refresh-rotated"),
                "sealed in the database, not plain text");

        owner.start(); // as a restart does
        spotify.server().resetRequests();
        spotify.stubTokenGrant("owner-access-3", null, 3600);
        // Spotify turns down the access token: a new one comes from the rotated refresh token, not the environment's.
        assertEquals(
                "owner-access-3",
                owner.replacing("owner-access-2").toCompletableFuture().join());
        spotify.server()
                .verify(FakeSpotify.tokenRequests().withRequestBody(containing("refresh_token=owner-refresh-rotated")));
        assertEquals(
                OwnerAccount.Source.ENVIRONMENT,
                owner.status().source(),
                "still the environment's sign-in, continued by its rotation");
    }

    @Test
    void aHeldTokenThatCannotBeOpenedIsIgnoredAndTheEnvironmentsTokenUsed() throws Exception {
        // What a damaged row, or one sealed with another EARSHOT_SESSION_SECRET, looks like to the app.
        HeldRows.overwriteSealedRefreshToken(HeldTokens.OWNER, "v1.k0.not-a-sealed-value");
        owner.start();
        given().get("/api/now-playing").then().statusCode(200).body("song.trackName", equalTo("Night Drive"));
        assertEquals(OwnerAccount.Source.ENVIRONMENT, owner.status().source());
        spotify.server()
                .verify(FakeSpotify.tokenRequests()
                        .withRequestBody(containing("refresh_token=owner-refresh-from-env")));
        assertTrue(readLog().contains("cannot be opened with the current EARSHOT_SESSION_SECRET"), "the log says why");
    }

    @Test
    void r04_invalidGrantTakesTheWidgetOfflineWithoutARetryStorm() {
        spotify.stubTokenError(400, "invalid_grant");
        for (int i = 0; i < 20; i++) {
            given().get("/api/now-playing")
                    .then()
                    .statusCode(200)
                    .body("song", nullValue())
                    .body("status", equalTo("unavailable"))
                    .body("offline", equalTo(true));
        }
        assertEquals(1, spotify.tokenCalls(), "one try, then offline");
        assertTrue(owner.status().offline());
        given().get("/embed/now-playing").then().statusCode(200).body(Matchers.containsString("Offline"));
        given().get("/embed/now-playing.svg").then().statusCode(200).body(Matchers.containsString("Offline"));
    }

    @Test
    void r02_fivexxServesTheLastValueStale() throws Exception {
        given().get("/api/now-playing").then().body("stale", equalTo(false));
        Thread.sleep(3100);
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(503));
        given().get("/api/now-playing").then().statusCode(200).body("song.trackName", equalTo("Night Drive"));
        Eventually.within(
                Duration.ofSeconds(2),
                "the 503 marks the value stale",
                () -> given().get("/api/now-playing")
                        .then()
                        .extract()
                        .path("stale")
                        .equals(true));
        given().get("/api/now-playing")
                .then()
                .statusCode(200)
                .body("stale", equalTo(true))
                .body("song.trackName", equalTo("Night Drive"));
    }

    @Test
    void r01_r10_aHangingSpotifyIsNeverWaitedForAndTheLastValueServedStale() throws Exception {
        given().get("/api/now-playing").then().body("stale", equalTo(false));
        Thread.sleep(3100);
        // The read timeout in tests is 1 s; Spotify here would take 10.
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING,
                okJson(FakeSpotify.fixture("currently-playing-track.json")).withFixedDelay(10_000));
        long started = System.nanoTime();
        given().get("/api/now-playing").then().statusCode(200).body("song.trackName", equalTo("Night Drive"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 700, "answered after " + tookMs + " ms, from the cache, not after Spotify's 10 s");
        Eventually.within(
                Duration.ofSeconds(3),
                "the cut-short call marks the value stale",
                () -> given().get("/api/now-playing")
                        .then()
                        .extract()
                        .path("stale")
                        .equals(true));
        // During the back-off that follows, viewers get the stale value at once, without another call.
        given().get("/api/now-playing").then().statusCode(200).body("stale", equalTo(true));
        assertEquals(2, spotify.apiCalls(FakeSpotify.CURRENTLY_PLAYING));
    }

    @Test
    void s19_s22_svgCardIsWellFormedWithHostileNamesAndCarriesTheRightHeaders() throws Exception {
        String hostile = "\\\"><script>alert(1)</script> <demons> & 'q' \\u200F\\u202Eשלום 🎧 " + "x".repeat(5000);
        spotify.stubApi(
                FakeSpotify.CURRENTLY_PLAYING,
                okJson("{\"is_playing\":true,\"progress_ms\":1000,\"currently_playing_type\":\"track\","
                        + "\"item\":{\"id\":\"h\",\"name\":\"" + hostile
                        + "\",\"type\":\"track\",\"duration_ms\":200000,"
                        + "\"artists\":[{\"name\":\"" + hostile
                        + "\"}],\"album\":{\"name\":\"a\",\"images\":[{\"url\":\""
                        + spotify.server().baseUrl() + "/image.png\",\"width\":300}]}}}"));
        Response svg = given().cookie(CookieNames.SESSION, "x").get("/embed/now-playing.svg");
        svg.then()
                .statusCode(200)
                .contentType(Matchers.startsWith("image/svg+xml"))
                .header("Cache-Control", "no-cache, max-age=0")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                .header("ETag", Matchers.notNullValue());
        assertTrue(svg.headers().getValues("Set-Cookie").isEmpty());
        String body = svg.body().asString();
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        assertTrue(
                document.getDocumentElement().getTextContent().contains("<script>alert(1)</script> <demons> & 'q'"),
                "names shown literally");
        assertFalse(body.contains("<script"), "no live markup");
        assertEquals(
                0,
                spotify.server()
                        .findAll(WireMock.getRequestedFor(urlPathEqualTo("/image.png")))
                        .size(),
                "S23: art from a host not on EARSHOT_IMAGE_ORIGINS is never fetched");
    }

    @Test
    void anUnchangedCardIsA304AndAChangedOneIsNot() {
        // Paused: the card does not move, so GitHub's proxy can revalidate it cheaply.
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, okJson(FakeSpotify.fixture("currently-playing-paused.json")));
        String etag = given().get("/embed/now-playing.svg")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/embed/now-playing.svg")
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "no-cache, max-age=0");

        feed.forget("owner:");
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(204));
        Response changed = given().header("If-None-Match", etag).get("/embed/now-playing.svg");
        assertEquals(200, changed.statusCode(), "a new state is sent in full");
        assertFalse(etag.equals(changed.header("ETag")));
    }

    @Test
    void svgOptionsAreValidatedWithPlainMessages() {
        given().get("/embed/now-playing.svg?theme=purple")
                .then()
                .statusCode(400)
                .body(Matchers.containsString("theme must be light, dark or auto"));
        given().get("/embed/now-playing.svg?width=5000")
                .then()
                .statusCode(400)
                .body(Matchers.containsString("width must be a number between 300 and 800"));
        given().get("/embed/now-playing.svg?show=lyrics")
                .then()
                .statusCode(400)
                .body(Matchers.containsString("show accepts progress and art"));
        given().get("/embed/now-playing.svg?theme=dark&width=400&show=art")
                .then()
                .statusCode(200);
    }

    @Test
    void idleCardSaysWhatWasLastPlayed() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(204));
        given().get("/embed/now-playing.svg")
                .then()
                .statusCode(200)
                .body(Matchers.containsString("last played"))
                .body(Matchers.containsString("Paper Lanterns"));
    }

    @Test
    void r08_aFailingRecentlyPlayedIsNotAskedAgainForEveryCardView() {
        spotify.stubApi(FakeSpotify.CURRENTLY_PLAYING, aResponse().withStatus(204));
        spotify.stubApi(FakeSpotify.RECENTLY_PLAYED, FakeSpotify.spotifyError(503, "unavailable"));
        for (int i = 0; i < 5; i++) {
            given().get("/embed/now-playing.svg").then().statusCode(200).body(Matchers.containsString("Not playing"));
        }
        assertEquals(
                1,
                spotify.apiCalls(FakeSpotify.RECENTLY_PLAYED),
                "one call, then no other during the back-off that follows a failure");
    }

    @Test
    void s19_iframePageIsFrameableWhileOtherPagesAreNot() {
        Response page = given().cookie(CookieNames.SESSION, "x").get("/embed/now-playing");
        page.then()
                .statusCode(200)
                .body(Matchers.containsString("data-live-url=\"/api/now-playing\""))
                .body(Matchers.containsString("Night Drive"))
                .body(Matchers.containsString("/js/now-playing.js"));
        assertTrue(
                page.header("Content-Security-Policy").endsWith("frame-ancestors *"),
                page.header("Content-Security-Policy"));
        assertTrue(page.headers().getValues("Set-Cookie").isEmpty());
        assertNull(page.header("X-Frame-Options"));
        assertTrue(given().get("/").header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        given().get("/embed/now-playing?transparent=true").then().body(Matchers.containsString("embed-transparent"));
    }

    @Test
    void ownerSeesABannerAndReadinessReportsItWhenTheSignInNearsSixMonths() {
        held.hold(
                HeldTokens.OWNER,
                "listener-owner",
                "owner-refresh-old",
                Instant.now().minus(Duration.ofDays(175)));
        owner.reload(); // as every replica does within half a minute

        String ownerCookie = Sessions.sealed(Sessions.ofListener("listener-owner", "The Owner"));
        given().cookie(CookieNames.SESSION, ownerCookie)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(Matchers.containsString("Your public widget&#39;s Spotify sign-in ends on"))
                .body(Matchers.containsString("href=\"/owner/connect\""));
        String otherCookie = Sessions.sealed(Sessions.valid("access-x", "refresh-" + UUID.randomUUID()));
        given().cookie(CookieNames.SESSION, otherCookie)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(Matchers.not(Matchers.containsString("Your public widget")));

        assertTrue(owner.status().endingSoon());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        expiryWarnings.check(); // what the daily timer runs
        assertTrue(readLog().contains("The owner's Spotify sign-in ends on"), "the log warns");
    }

    @Test
    void theOwnersBannerGivesTheEndAsADateAPersonReads() {
        Instant signedIn = Instant.now().minus(Duration.ofDays(175));
        held.hold(HeldTokens.OWNER, "listener-owner", "owner-refresh-old", signedIn);
        owner.reload();
        String ownerCookie = Sessions.sealed(Sessions.ofListener("listener-owner", "The Owner"));
        String page = given().cookie(CookieNames.SESSION, ownerCookie)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String ends = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                .format(signedIn.atOffset(ZoneOffset.UTC).plusMonths(6));
        assertTrue(
                Pattern.compile("sign-in ends on " + ends + ", in \\d+ days \\(")
                        .matcher(page)
                        .find(),
                "a date and how far away it is, not an ISO timestamp: " + page);
    }

    @Test
    void publicHealthAndTheConnectPageShowNoOwnerIdDataDirectoryOrSignInEnd() {
        held.hold(
                HeldTokens.OWNER,
                "listener-owner",
                "owner-refresh-old",
                Instant.now().minus(Duration.ofDays(175)));
        owner.reload();
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live")) {
            String health = given().get(path).then().statusCode(200).extract().asString();
            assertFalse(health.contains("owner-mode-test"), path + " shows the data directory: " + health);
            assertFalse(health.contains(DATA_DIR.toAbsolutePath().toString()), path + ": " + health);
            assertFalse(health.contains("listener-"), path + " shows a user id: " + health);
            assertFalse(
                    health.contains("daysLeft") || health.contains("signInEndsAt"),
                    path + " shows the sign-in's end: " + health);
            assertFalse(health.contains("\"data\""), path + " says more than UP or DOWN: " + health);
        }
        String connect =
                given().get("/owner/connect").then().statusCode(200).extract().asString();
        assertTrue(connect.contains("An owner is connected"), connect);
        assertFalse(connect.contains("listener-"), "no owner id on the public connect page: " + connect);
    }

    @Test
    void ownerConnectsFromTheBrowserAndTheNewTokenIsStored() {
        spotify.stubTokenGrant("owner-access-new", "owner-refresh-connected", 3600);
        Response start = given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .post("/owner/connect");
        assertEquals(303, start.statusCode());
        String state = SignInSteps.query(URI.create(start.header("Location"))).get("state");
        Response callback = SignInSteps.callback(start.getCookie(CookieNames.LOGIN), "code=owner-code&state=" + state);
        assertEquals(303, callback.statusCode());
        // /setup does not exist in production: the browser lands on a page that does, in every profile.
        assertTrue(callback.header("Location").endsWith("/owner/connect?connected=true"), callback.header("Location"));
        String landed = given().get(callback.header("Location"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(landed.contains("Connected: your Spotify account is now the owner"), landed);
        assertFalse(landed.contains("listener-1"), "the page names no owner id");
        assertNull(callback.getCookie(CookieNames.SESSION), "connecting the owner opens no session");
        assertEquals(
                "owner-refresh-connected",
                HeldRows.refreshToken(HeldTokens.OWNER).orElseThrow());
        assertEquals("listener-1", held.find(HeldTokens.OWNER).orElseThrow().listenerId());
        assertEquals(OwnerAccount.Source.STORE, owner.status().source());
        assertTrue(owner.status().signInEndKnown());
    }

    @Test
    void onlyTheConfiguredOwnerIdMayConnect() {
        spotify.stubTokenGrant("someone-access", "someone-refresh", 3600);
        spotify.stubApi(FakeSpotify.ME, okJson("{\"id\":\"somebody-else\",\"display_name\":\"Somebody\"}"));
        Response start = given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .post("/owner/connect");
        String state = SignInSteps.query(URI.create(start.header("Location"))).get("state");
        Response callback = SignInSteps.callback(start.getCookie(CookieNames.LOGIN), "code=c&state=" + state);
        assertEquals(403, callback.statusCode());
        assertEquals(
                "owner-refresh-from-env",
                HeldRows.refreshToken(HeldTokens.OWNER).orElseThrow(),
                "nothing replaced");
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "cross-site")
                .post("/owner/connect")
                .then()
                .statusCode(403);
    }

    @Test
    void r05_aReconnectWinsOverARotatingRefreshOfThePreviousAccountStillInFlight() throws Exception {
        // The previous account's refresh rotates its token, but answers only after the reconnect has saved the new
        // account.
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(FakeSpotify.tokenAnswer("previous-access", "previous-refresh-rotated", 3600)
                        .withFixedDelay(600)));
        CompletableFuture<String> inFlight = owner.current().toCompletableFuture();
        awaitTokenRequest();

        owner.connect(
                new TokenGrant("reconnected-access", Instant.now().plusSeconds(3600), "reconnected-refresh"),
                "listener-1");
        String answered = inFlight.get(5, TimeUnit.SECONDS);

        assertEquals(
                "reconnected-refresh",
                HeldRows.refreshToken(HeldTokens.OWNER).orElseThrow(),
                "the previous account is not written back");
        assertEquals("reconnected-access", answered, "the waiting caller gets the connected account's token");
        assertEquals("reconnected-access", owner.current().toCompletableFuture().join());
        assertFalse(owner.status().offline());
    }

    @Test
    void r04_anInvalidGrantForThePreviousAccountArrivingAfterAReconnectLeavesTheNewOneOnline() throws Exception {
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")
                        .withFixedDelay(600)));
        CompletableFuture<String> inFlight = owner.current().toCompletableFuture();
        awaitTokenRequest();

        owner.connect(
                new TokenGrant("reconnected-access", Instant.now().plusSeconds(3600), "reconnected-refresh"),
                "listener-1");
        inFlight.handle((token, failure) -> token).get(5, TimeUnit.SECONDS);

        assertFalse(owner.status().offline(), "the old token's rejection does not take the new account offline");
        assertEquals(
                "reconnected-refresh", HeldRows.refreshToken(HeldTokens.OWNER).orElseThrow());
        assertEquals("reconnected-access", owner.current().toCompletableFuture().join());
    }

    /** Waits until the refresh has reached Spotify, so the reconnect surely happens while it is in flight. */
    private void awaitTokenRequest() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (spotify.tokenCalls() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, spotify.tokenCalls(), "the refresh is in flight");
    }

    private static String readLog() {
        return read(Path.of("target/quarkus-test.log"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
