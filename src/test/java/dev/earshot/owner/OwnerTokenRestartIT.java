package dev.earshot.owner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.earshot.auth.CookieSealer;
import dev.earshot.auth.SealingKeys;
import dev.earshot.database.EmbeddedDatabase;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.PackagedApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R05 across a real restart: the packaged jar, started twice as its own process with the same
 * environment, as a container restart does. Spotify rotates the owner's refresh token on the first
 * run and then refuses the old one; the second run must use the rotated token it saved in the database.
 * And the upgrade: the owner's token file of earlier versions is imported once, then renamed.
 */
class OwnerTokenRestartIT {

    private static final String ENV_REFRESH_TOKEN = "owner-refresh-from-env";
    private static final String ROTATED_REFRESH_TOKEN = "owner-refresh-rotated-by-spotify";
    private static final String FILE_REFRESH_TOKEN = "owner-refresh-from-the-old-file";
    private static final String SECRET = "restart-test-secret-0123456789-0123456789-0123456789";
    /** Below the one-minute refresh margin: every start refreshes, so the test sees which refresh token it uses. */
    private static final int SHORT_LIVED = 30;

    private WireMockServer spotify;
    private Path dataDir;
    private Path log;

    @BeforeEach
    void startFakeSpotify() throws Exception {
        spotify = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        spotify.start();
        spotify.stubFor(get(urlPathEqualTo(FakeSpotify.CURRENTLY_PLAYING))
                .willReturn(okJson(FakeSpotify.fixture("currently-playing-track.json"))));
        spotify.stubFor(tokenGrantFor(ENV_REFRESH_TOKEN)
                .willReturn(FakeSpotify.tokenAnswer("owner-access-1", ROTATED_REFRESH_TOKEN, SHORT_LIVED)));
        spotify.stubFor(tokenGrantFor(ROTATED_REFRESH_TOKEN)
                .willReturn(FakeSpotify.tokenAnswer("owner-access-2", null, SHORT_LIVED)));
        spotify.stubFor(tokenGrantFor(FILE_REFRESH_TOKEN)
                .willReturn(FakeSpotify.tokenAnswer("owner-access-from-file", null, SHORT_LIVED)));
        Path target = Path.of("target");
        dataDir = Files.createTempDirectory(target, "owner-restart-data-");
        log = Files.createTempFile(target, "owner-restart-", ".log");
    }

    @AfterEach
    void stopFakeSpotify() {
        spotify.stop();
    }

    @Test
    void r05_theRotatedRefreshTokenSurvivesARestartOfThePackagedApp() throws Exception {
        try (PackagedApp first = PackagedApp.start(environment(), log)) {
            HttpResponse<String> answer = first.get("/api/now-playing");
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("Night Drive"), answer.body());
        }
        assertEquals(
                List.of(ENV_REFRESH_TOKEN), refreshTokensSent(), "the first run starts from the environment's token");
        String onDisk = Files.readString(dataDir.resolve(EmbeddedDatabase.FILE_NAME), StandardCharsets.ISO_8859_1);
        assertFalse(onDisk.contains(ROTATED_REFRESH_TOKEN), "the database holds it sealed, not plain text");

        // Spotify has rotated the token: from now on the environment's one is refused.
        spotify.stubFor(tokenGrantFor(ENV_REFRESH_TOKEN)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}")));
        spotify.resetRequests();

        try (PackagedApp second = PackagedApp.start(environment(), log)) {
            HttpResponse<String> answer = second.get("/api/now-playing");
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("Night Drive"), "still live after the restart: " + answer.body());
            assertFalse(answer.body().contains("\"offline\":true"), answer.body());
            HttpResponse<String> setup = second.get("/setup");
            assertTrue(
                    setup.body().contains("kept encrypted in the database from its first use on"),
                    "the setup page says where the owner's token is kept: " + setup.body());
        }
        assertEquals(
                List.of(ROTATED_REFRESH_TOKEN),
                refreshTokensSent(),
                "after the restart only the saved, rotated token is used — the environment's is never tried");
        assertFalse(Files.readString(log).contains(ROTATED_REFRESH_TOKEN), "no refresh token in the log (S21)");
    }

    @Test
    void theOwnersTokenFileOfAnEarlierVersionIsImportedOnceAndRenamed() throws Exception {
        Instant signedIn = Instant.parse("2026-10-01T12:00:00Z");
        CookieSealer sealer = new CookieSealer(new SealingKeys(SECRET, Optional.empty()));
        Path file = dataDir.resolve(OwnerTokenFile.FILE_NAME);
        Files.writeString(
                file,
                sealer.seal(
                        "owner-store",
                        ("{\"r\":\"" + FILE_REFRESH_TOKEN + "\",\"s\":" + signedIn.getEpochSecond()
                                        + ",\"u\":\"file-owner\"}")
                                .getBytes(StandardCharsets.UTF_8)));
        Map<String, String> upgrade = new HashMap<>(environment());
        upgrade.remove("SPOTIFY_REFRESH_TOKEN"); // only the old file knows the owner

        try (PackagedApp first = PackagedApp.start(upgrade, log)) {
            HttpResponse<String> answer = first.get("/api/now-playing");
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("Night Drive"), "the owner works: " + answer.body());
        }
        assertFalse(Files.exists(file), "the file is not read again");
        assertTrue(Files.exists(dataDir.resolve(OwnerTokenFile.FILE_NAME + ".imported")), "renamed, not deleted");
        assertEquals(List.of(FILE_REFRESH_TOKEN), refreshTokensSent());

        spotify.resetRequests();
        try (PackagedApp second = PackagedApp.start(upgrade, log)) {
            HttpResponse<String> answer = second.get("/api/now-playing");
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("Night Drive"), "still the owner after a restart: " + answer.body());
            String setup = second.get("/setup").body();
            assertTrue(setup.contains("connected as <code>file-owner</code>"), setup);
            assertTrue(setup.contains("sign-in ends <time datetime=\"2027-04-01T12:00:00Z\""), setup);
        }
        assertEquals(List.of(FILE_REFRESH_TOKEN), refreshTokensSent(), "from the database now");
        assertFalse(Files.readString(log).contains(FILE_REFRESH_TOKEN), "no refresh token in the log (S21)");
    }

    private Map<String, String> environment() {
        return Map.of(
                "SPOTIFY_CLIENT_ID",
                "restart-test-client",
                "SPOTIFY_CLIENT_SECRET",
                "restart-test-client-secret",
                "SPOTIFY_REDIRECT_URI",
                "http://127.0.0.1:8080/api/callback",
                "SPOTIFY_ACCOUNTS_URL",
                spotify.baseUrl(),
                "SPOTIFY_API_URL",
                spotify.baseUrl(),
                "SPOTIFY_REFRESH_TOKEN",
                ENV_REFRESH_TOKEN,
                "EARSHOT_SESSION_SECRET",
                SECRET,
                "EARSHOT_DATA_DIR",
                dataDir.toString(),
                "EARSHOT_DEMO",
                "false",
                "EARSHOT_SETUP",
                "true");
    }

    private static MappingBuilder tokenGrantFor(String refreshToken) {
        return post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refreshToken));
    }

    private List<String> refreshTokensSent() {
        return spotify.findAll(postRequestedFor(urlPathEqualTo(FakeSpotify.TOKEN_PATH))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(body -> body.replaceAll(".*refresh_token=([^&]*).*", "$1"))
                .toList();
    }
}
