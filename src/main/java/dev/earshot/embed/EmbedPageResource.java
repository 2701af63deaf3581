package dev.earshot.embed;

import dev.earshot.config.EmbedConfig;
import dev.earshot.config.NowPlayingConfig;
import dev.earshot.listening.NowPlaying;
import dev.earshot.listening.NowPlayingCard;
import dev.earshot.listening.Section;
import dev.earshot.web.SecurityHeaders;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /embed/now-playing}: the owner's live card as a page for an {@code <iframe>}, kept current
 * by the dashboard's script polling {@code /api/now-playing}. The only page others may frame
 * ({@code EARSHOT_FRAME_ANCESTORS}); it reads and sets no cookies (S19).
 */
@Path("/embed/now-playing")
public class EmbedPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(NowPlayingCard card, boolean transparent);
    }

    private final OwnerNowPlaying ownerNowPlaying;
    private final long pollMillis;
    private final String contentSecurityPolicy;
    private final Clock clock;

    EmbedPageResource(OwnerNowPlaying ownerNowPlaying, NowPlayingConfig nowPlaying, EmbedConfig embed, Clock clock) {
        this.ownerNowPlaying = ownerNowPlaying;
        this.clock = clock;
        this.pollMillis = nowPlaying.effectivePollInterval().toMillis();
        // The operator's value goes into one directive only: no ';' or line breaks can smuggle in others.
        String ancestors = embed.frameAncestors().replaceAll("[;\\r\\n,]", " ").trim();
        this.contentSecurityPolicy = SecurityHeaders.contentSecurityPolicy(ancestors.isEmpty() ? "*" : ancestors);
    }

    @GET
    public CompletionStage<Response> widget(@QueryParam("transparent") boolean transparent) {
        return ownerNowPlaying.current().thenApply(result -> {
            NowPlayingCard card;
            if (result.notConfigured()) {
                card = NowPlayingCard.unavailable(
                        "Not set up yet", "Now playing", OwnerNowPlaying.PUBLIC_URL, pollMillis);
            } else if (result.offline()) {
                card = NowPlayingCard.unavailable("Offline", "Now playing", OwnerNowPlaying.PUBLIC_URL, pollMillis);
            } else if (!result.snapshot().available()) {
                card = NowPlayingCard.of(
                        Section.failed(result.snapshot().problem()),
                        "Now playing",
                        OwnerNowPlaying.PUBLIC_URL,
                        pollMillis);
            } else {
                NowPlaying now = result.snapshot().nowPlaying();
                card = NowPlayingCard.of(
                        Section.of(now.withProgress(result.snapshot().progressAt(clock.instant()))),
                        "Now playing",
                        OwnerNowPlaying.PUBLIC_URL,
                        pollMillis);
            }
            return Response.ok(
                            Templates.widget(card, transparent).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Security-Policy", contentSecurityPolicy)
                    .header("Cache-Control", "no-cache")
                    .build();
        });
    }
}
