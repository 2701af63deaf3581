package dev.earshot.dashboard;

import dev.earshot.auth.SessionGuard;
import dev.earshot.listening.NowPlayingAnswer;
import dev.earshot.listening.NowPlayingFeed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/me/now-playing}: the signed-in listener's playback as JSON for the live card.
 * Polled by every open dashboard tab, so it reads through {@link NowPlayingFeed}'s shared cache.
 */
@Path("/api/me/now-playing")
public class NowPlayingResource {

    private final SessionGuard sessions;
    private final NowPlayingFeed feed;
    private final Clock clock;

    NowPlayingResource(SessionGuard sessions, NowPlayingFeed feed, Clock clock) {
        this.sessions = sessions;
        this.feed = feed;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> nowPlaying(@Context HttpHeaders headers) {
        return sessions.run(
                headers,
                signedIn -> feed.current(signedIn.session().userId(), signedIn)
                        .thenApply(snapshot -> Response.ok(NowPlayingAnswer.of(snapshot, clock.instant()))
                                .header("Cache-Control", "no-store")),
                expired -> Response.status(Response.Status.UNAUTHORIZED)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(NowPlayingAnswer.signedOut(clock.instant()))
                        .header("Cache-Control", "no-store"));
    }
}
