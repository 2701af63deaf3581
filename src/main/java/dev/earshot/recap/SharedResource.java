package dev.earshot.recap;

import dev.earshot.database.DatabaseException;
import dev.earshot.historypages.HistoryPage;
import dev.earshot.web.ErrorPage;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /share/{id}} and {@code /share/{id}/card.svg}: what a share link shows, to anyone who has it (S29) —
 * read-only, anonymous, with no way into the app but its home page. It reads no cookie and sets none (no session is
 * looked up at all), asks search engines to stay away, and is never stored, so a revoke takes effect at once. An
 * unknown, malformed, revoked or expired link gets the same 404.
 */
@Path("/share/{id}")
public class SharedResource {

    private final RecapFigures recaps;
    private final ShareLinks shareLinks;
    private final HistoryPage historyPage;

    SharedResource(RecapFigures recaps, ShareLinks shareLinks, HistoryPage historyPage) {
        this.recaps = recaps;
        this.shareLinks = shareLinks;
        this.historyPage = historyPage;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Blocking
    public Response page(@PathParam("id") String id) {
        try {
            Optional<ShareLinks.Opened> opened = shareLinks.open(id);
            if (opened.isEmpty()) {
                return notFound();
            }
            ShareLinks.Opened shown = opened.get();
            if (shown.kind() == ShareKind.HISTORY) {
                return unlisted(Response.ok(
                        historyPage.renderShared(
                                shown.listenerId(), shown.period().period()),
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")));
            }
            Recap recap = recaps.of(shown.listenerId(), shown.period());
            return unlisted(RecapPage.of(RecapView.shared(recap, id)));
        } catch (DatabaseException e) {
            return unlisted(Response.fromResponse(RecapResource.unavailable(e, null)));
        }
    }

    @GET
    @Path("card.svg")
    @Blocking
    public Response card(@PathParam("id") String id) {
        try {
            Optional<ShareLinks.Opened> opened = shareLinks.open(id);
            if (opened.isEmpty()) {
                return notFound();
            }
            ShareLinks.Opened shown = opened.get();
            return unlisted(RecapCardResource.svg(RecapCard.of(recaps.of(shown.listenerId(), shown.period()))));
        } catch (DatabaseException e) {
            return unlisted(Response.fromResponse(RecapResource.unavailable(e, null)));
        }
    }

    /** One answer for every link that does not work, whatever the reason. */
    private static Response notFound() {
        return unlisted(ErrorPage.of(
                Response.Status.NOT_FOUND,
                "This link does not work",
                "The link may be mistyped, or whoever shared it has revoked it or let it expire.",
                "/",
                "Earshot",
                null));
    }

    private static Response unlisted(Response.ResponseBuilder answer) {
        return answer.header("X-Robots-Tag", "noindex, nofollow")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
