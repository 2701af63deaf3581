package dev.earshot.embed;

import dev.earshot.listening.NowPlayingAnswer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/now-playing}: the owner's playback as JSON for anyone's website, in the shape
 * portfolio widgets already consume. Reads and sets no cookies (S19); the only endpoint with CORS {@code *} (S20).
 */
@Path("/api/now-playing")
public class PublicNowPlayingResource {

    private final OwnerNowPlaying ownerNowPlaying;
    private final Clock clock;

    PublicNowPlayingResource(OwnerNowPlaying ownerNowPlaying, Clock clock) {
        this.ownerNowPlaying = ownerNowPlaying;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> nowPlaying() {
        return ownerNowPlaying
                .current()
                .thenApply(result -> Response.status(
                                result.notConfigured() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK)
                        .entity(
                                result.offline()
                                        ? NowPlayingAnswer.offline(clock.instant())
                                        : NowPlayingAnswer.of(result.snapshot(), clock.instant()))
                        .header("Access-Control-Allow-Origin", "*")
                        // Public and short: a CDN may share it for a moment; the feed's own cache does the rest.
                        .header("Cache-Control", "public, max-age=2")
                        .build());
    }
}
