package dev.earshot.history;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.earshot.auth.Session;
import dev.earshot.database.Database;
import dev.earshot.testing.FakeSpotify;
import dev.earshot.testing.Sessions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One listener as the recorder tests script them: a refresh token of their own that the fake token endpoint turns
 * into an access token of their own, so the fake recently-played answers (and counts) this listener alone, whatever
 * other listeners the shared test database holds.
 */
final class RecordedListener {

    /** One entry of a recently-played page. */
    record PlayedTrack(String id, String name, String artist, long durationMs, Instant playedAt) {}

    final String id = Sessions.newListenerId();
    final String refreshToken = "rt-" + UUID.randomUUID();
    final String accessToken = "at-" + UUID.randomUUID();
    private final FakeSpotify spotify;

    RecordedListener(FakeSpotify spotify) {
        this.spotify = spotify;
        grantsTokens();
    }

    /** A session of this listener, signed in at {@code signedInAt}. */
    Session session(Instant signedInAt) {
        return session(signedInAt, refreshToken);
    }

    Session session(Instant signedInAt, String refresh) {
        return new Session(
                "session-" + accessToken,
                refresh,
                Instant.now().plus(Duration.ofMinutes(30)),
                signedInAt,
                id,
                "Rec Listener",
                null,
                Session.newId());
    }

    void grantsTokens() {
        grantsTokensFor(refreshToken);
    }

    /** The token endpoint turns {@code refresh} (e.g. of a new sign-in) into this listener's access token. */
    void grantsTokensFor(String refresh) {
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(FakeSpotify.tokenAnswer(accessToken, null, 3600)));
    }

    void refusesTokens() {
        spotify.stub(post(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")));
    }

    void hasPlayed(PlayedTrack... plays) {
        answersRecentlyPlayed(okJson(page(List.of(plays))));
    }

    void answersRecentlyPlayed(ResponseDefinitionBuilder answer) {
        spotify.stub(get(urlPathEqualTo(FakeSpotify.RECENTLY_PLAYED))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(answer));
    }

    int recentlyPlayedCalls() {
        return spotify.server()
                .countRequestsMatching(getRequestedFor(urlPathEqualTo(FakeSpotify.RECENTLY_PLAYED))
                        .withHeader("Authorization", equalTo("Bearer " + accessToken))
                        .build())
                .getCount();
    }

    int recentlyPlayedCallsAfter(Instant cursor) {
        return spotify.server()
                .countRequestsMatching(getRequestedFor(urlPathEqualTo(FakeSpotify.RECENTLY_PLAYED))
                        .withHeader("Authorization", equalTo("Bearer " + accessToken))
                        .withQueryParam("after", equalTo(Long.toString(cursor.toEpochMilli())))
                        .build())
                .getCount();
    }

    int tokenCalls() {
        return spotify.server()
                .countRequestsMatching(postRequestedFor(urlPathEqualTo(FakeSpotify.TOKEN_PATH))
                        .withRequestBody(containing("refresh_token=" + refreshToken))
                        .build())
                .getCount();
    }

    static PlayedTrack track(String id, Instant playedAt) {
        return new PlayedTrack(id, "Song " + id, "Artist " + id, 200_000, playedAt);
    }

    static String page(List<PlayedTrack> plays) {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < plays.size(); i++) {
            PlayedTrack play = plays.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"track\":{\"id\":\"")
                    .append(play.id())
                    .append("\",\"name\":\"")
                    .append(play.name())
                    .append("\",\"type\":\"track\",\"duration_ms\":")
                    .append(play.durationMs())
                    .append(",\"artists\":[{\"name\":\"")
                    .append(play.artist())
                    .append("\"}],\"album\":{\"name\":\"Album\"}},\"played_at\":\"")
                    .append(play.playedAt())
                    .append("\"}");
        }
        return json.append("],\"limit\":50}").toString();
    }

    /** Rows of this listener in table play, of {@code source} (any when null). */
    long rows(Database database, PlayRow.Source source) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT COUNT(*) FROM play WHERE listener_id = ?"
                            + (source == null ? "" : " AND source = '" + source.column + "'"))) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
