package dev.earshot.testing;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spotify's currently-playing as a clock, per access token: a track started at a known instant, so
 * its progress moves on with real time and tests know the truth at every moment. Stubs opt in with
 * {@code .withTransformers(FakePlayback.NAME)}.
 */
public class FakePlayback implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-playback";

    /** One listener's playback: what is on and since when. */
    public record Track(String id, String name, long durationMs, Instant startedAt) {
        public long progressAt(Instant now) {
            return Math.min(durationMs, Math.max(0, now.toEpochMilli() - startedAt.toEpochMilli()));
        }
    }

    private static final Map<String, Track> PLAYING = new ConcurrentHashMap<>();

    /** From now on, the listener with {@code accessToken} is playing {@code track}. */
    public static void play(String accessToken, Track track) {
        PLAYING.put("Bearer " + accessToken, track);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Track track = PLAYING.get(serveEvent.getRequest().getHeader("Authorization"));
        if (track == null) {
            return ResponseDefinition.noContent();
        }
        Instant now = Instant.now();
        String body = "{\"timestamp\":" + now.toEpochMilli() + ",\"progress_ms\":" + track.progressAt(now)
                + ",\"is_playing\":true,\"currently_playing_type\":\"track\",\"item\":{\"id\":\"" + track.id()
                + "\",\"name\":\""
                + track.name() + "\",\"type\":\"track\",\"duration_ms\":" + track.durationMs()
                + ",\"artists\":[{\"name\":\"Fake Artist\"}],\"album\":{\"name\":\"Fake Album\",\"images\":[]}}}";
        return new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
