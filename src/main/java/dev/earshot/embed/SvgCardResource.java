package dev.earshot.embed;

import dev.earshot.listening.NowPlaying;
import dev.earshot.listening.NowPlayingSnapshot;
import dev.earshot.listening.Play;
import dev.earshot.web.Sha256;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /embed/now-playing.svg}: the owner's playback as a self-contained SVG card for a GitHub
 * README. {@code no-cache} plus an ETag makes GitHub's image proxy revalidate, so the card stays fresh;
 * the SVG CSP of S19 allows nothing but its own styles and inlined art. No cookies are read or set.
 */
@Path("/embed/now-playing.svg")
public class SvgCardResource {

    static final String SVG_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final MediaType SVG = new MediaType("image", "svg+xml", "UTF-8");

    private final OwnerNowPlaying ownerNowPlaying;
    private final OwnerLastPlayed ownerLastPlayed;
    private final AlbumArtFetcher art;
    private final Clock clock;

    SvgCardResource(
            OwnerNowPlaying ownerNowPlaying, OwnerLastPlayed ownerLastPlayed, AlbumArtFetcher art, Clock clock) {
        this.ownerNowPlaying = ownerNowPlaying;
        this.ownerLastPlayed = ownerLastPlayed;
        this.art = art;
        this.clock = clock;
    }

    @GET
    public CompletionStage<Response> card(
            @QueryParam("theme") String theme,
            @QueryParam("width") String width,
            @QueryParam("show") String show,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        CardOptions options;
        try {
            options = CardOptions.parse(theme, width, show);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Bad card option: " + e.getMessage() + ".\n")
                    .build());
        }
        return ownerNowPlaying
                .current()
                .thenCompose(result -> content(result.snapshot(), result.offline() || result.notConfigured()))
                .thenCompose(content -> options.showArt() && content.artUrl().isPresent()
                        ? art.dataUri(content.artUrl().get()).thenApply(data -> content.withArt(data.orElse(null)))
                        : CompletableFuture.completedFuture(content))
                .thenApply(content -> answer(SvgCard.render(content, options), ifNoneMatch));
    }

    private CompletionStage<CardContent> content(NowPlayingSnapshot snapshot, boolean offline) {
        NowPlaying nowPlaying = snapshot.available() ? snapshot.nowPlaying() : null;
        long progress = snapshot.progressAt(clock.instant());
        if (nowPlaying != null && !nowPlaying.isIdle()) {
            return CompletableFuture.completedFuture(new CardContent(nowPlaying, null, null, offline, progress));
        }
        CompletionStage<Optional<Play>> last = offline ? OwnerLastPlayed.none() : ownerLastPlayed.current();
        return last.thenApply(play -> new CardContent(nowPlaying, play.orElse(null), null, offline, progress));
    }

    private static Response answer(String svg, String ifNoneMatch) {
        String etag = "\"" + digest(svg) + "\"";
        Response.ResponseBuilder response = etag.equals(ifNoneMatch) ? Response.notModified() : Response.ok(svg, SVG);
        return response.header("ETag", etag)
                .header("Cache-Control", "no-cache, max-age=0")
                .header("Content-Security-Policy", SVG_CONTENT_SECURITY_POLICY)
                .build();
    }

    private static String digest(String svg) {
        return HexFormat.of().formatHex(Sha256.of(svg), 0, 12);
    }
}
