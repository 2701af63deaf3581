package dev.earshot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.earshot.spotify.QuietPeriodReset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Spotify as the tests script it: canned answers from {@code src/test/resources/spotify}, and faults on demand,
 * on the WireMock server {@link WireMockSpotify} started (get one with {@code @InjectSpotify FakeSpotify spotify;}).
 */
public final class FakeSpotify {

    public static final String TOKEN_PATH = "/api/token";
    public static final String ME = "/v1/me";
    public static final String CURRENTLY_PLAYING = "/v1/me/player/currently-playing";
    public static final String RECENTLY_PLAYED = "/v1/me/player/recently-played";
    public static final String TOP_TRACKS = "/v1/me/top/tracks";
    public static final String TOP_ARTISTS = "/v1/me/top/artists";

    private final WireMockServer server;

    public FakeSpotify(WireMockServer server) {
        this.server = server;
    }

    public WireMockServer server() {
        return server;
    }

    /** Forget all stubs and requests, then answer every Web API endpoint with the sample listener. */
    public void resetWithSampleListener() {
        server.resetAll();
        endQuietPeriod();
        stubApi(ME, okJson(fixture("me.json")));
        stubApi(CURRENTLY_PLAYING, okJson(fixture("currently-playing-track.json")));
        stubApi(RECENTLY_PLAYED, okJson(recentlyPlayed()));
        stubApi(TOP_TRACKS, okJson(fixture("top-tracks.json")));
        stubApi(TOP_ARTISTS, okJson(fixture("top-artists.json")));
    }

    /** Lets the app call again at once: one test's 429 must not silence the next test (R11 is app-wide). */
    public static void endQuietPeriod() {
        QuietPeriodReset.endNow();
    }

    public void stubApi(String path, ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(answer));
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** The token endpoint grants these tokens to every request. */
    public void stubTokenGrant(String accessToken, String refreshToken, long expiresIn) {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(accessToken, refreshToken, expiresIn)));
    }

    public static ResponseDefinitionBuilder tokenAnswer(String accessToken, String refreshToken, long expiresIn) {
        String refresh = refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"";
        return okJson("{\"access_token\":\"" + accessToken
                + "\",\"token_type\":\"Bearer\",\"scope\":\"user-top-read\",\"expires_in\":" + expiresIn + refresh
                + "}");
    }

    public void stubTokenError(int status, String error) {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":\"" + error + "\",\"error_description\":\"<script>alert(1)</script>\"}")));
    }

    public static ResponseDefinitionBuilder spotifyError(int status, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"status\":" + status + ",\"message\":\"" + message + "\"}}");
    }

    public int tokenCalls() {
        return server.countRequestsMatching(
                        postRequestedFor(urlPathEqualTo(TOKEN_PATH)).build())
                .getCount();
    }

    public int apiCalls(String path) {
        return server.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(path)).build())
                .getCount();
    }

    public static RequestPatternBuilder tokenRequests() {
        return postRequestedFor(urlPathEqualTo(TOKEN_PATH));
    }

    public int totalRequests() {
        return server.getAllServeEvents().size();
    }

    /** The recently-played fixture with its plays 10, 20 and 30 minutes before now. */
    public static String recentlyPlayed() {
        Instant now = Instant.now();
        String json = fixture("recently-played.json");
        for (int minutes : new int[] {10, 20, 30}) {
            json = json.replace("\"PLAYED_" + minutes + "_MIN_AGO\"", "\"" + now.minusSeconds(minutes * 60L) + "\"");
        }
        return json;
    }

    public static String fixture(String name) {
        try (InputStream in = FakeSpotify.class.getResourceAsStream("/spotify/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
