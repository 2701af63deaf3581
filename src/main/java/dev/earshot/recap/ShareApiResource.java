package dev.earshot.recap;

import dev.earshot.auth.SameOriginRequest;
import dev.earshot.auth.SessionGuard;
import dev.earshot.database.DatabaseException;
import dev.earshot.history.BadHistoryQuery;
import dev.earshot.history.HistoryProblem;
import dev.earshot.web.CorrelationId;
import dev.earshot.web.ErrorPage;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The share links as JSON (S29): {@code GET /api/me/shares} lists the signed-in listener's working links by handle,
 * {@code POST} makes one (its URL in this answer only), {@code DELETE /api/me/shares/{handle}} revokes one. Changes are
 * same-origin only (S17).
 */
@Path("/api/me/shares")
@Produces(MediaType.APPLICATION_JSON)
public class ShareApiResource {

    private static final Logger LOG = Logger.getLogger(ShareApiResource.class);

    /** A share link in a list: never its id. */
    public record Listed(
            String handle, String kind, String from, String to, String tz, Instant createdAt, Instant expiresAt) {

        static Listed of(ShareLink link) {
            RecapPeriod period = link.period();
            return new Listed(
                    link.handle(),
                    link.kind().column,
                    nullIfEmpty(period.fromParam()),
                    nullIfEmpty(period.toParam()),
                    period.zoneParam(),
                    link.createdAt(),
                    link.expiresAt());
        }

        private static String nullIfEmpty(String value) {
            return value.isEmpty() ? null : value;
        }
    }

    /** A new link: its URL, shown this once, and how it is listed. */
    public record Made(String url, Listed link) {}

    /** What a {@code POST} asks for; {@code expires} is never, 1d, 7d or 30d. */
    public record Asked(String kind, String from, String to, String tz, String expires) {}

    private final SessionGuard sessions;
    private final ShareLinks shareLinks;

    ShareApiResource(SessionGuard sessions, ShareLinks shareLinks) {
        this.sessions = sessions;
        this.shareLinks = shareLinks;
    }

    @GET
    @Blocking
    public CompletionStage<Response> list(@Context HttpHeaders headers) {
        return signedIn(
                headers,
                listener -> Response.ok(shareLinks.working(listener).stream()
                                .map(Listed::of)
                                .toList())
                        .header("Cache-Control", "no-store"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public CompletionStage<Response> create(Asked asked, @Context HttpHeaders headers, @Context UriInfo request) {
        if (!SameOriginRequest.isSameOrigin(headers, request)) {
            return CompletableFuture.completedFuture(
                    HistoryProblem.crossOrigin().build());
        }
        return signedIn(headers, listener -> {
            ShareResource.ShareRequest parsed;
            try {
                parsed = asked == null
                        ? ShareResource.ShareRequest.parse(null, null, null, null, null)
                        : ShareResource.ShareRequest.parse(
                                asked.kind(), asked.from(), asked.to(), asked.tz(), asked.expires());
            } catch (BadHistoryQuery problem) {
                return HistoryProblem.badRequest(problem);
            }
            ShareLinks.Created created = shareLinks.create(listener, parsed.kind(), parsed.period(), parsed.expiry());
            return Response.status(Response.Status.CREATED)
                    .entity(new Made(ShareResource.url(request, created.id()), Listed.of(created.link())))
                    .header("Cache-Control", "no-store");
        });
    }

    @DELETE
    @Path("{handle}")
    @Blocking
    public CompletionStage<Response> revoke(
            @PathParam("handle") String handle, @Context HttpHeaders headers, @Context UriInfo request) {
        if (!SameOriginRequest.isSameOrigin(headers, request)) {
            return CompletableFuture.completedFuture(
                    HistoryProblem.crossOrigin().build());
        }
        return signedIn(
                headers,
                listener -> shareLinks.revoke(listener, handle)
                        ? Response.noContent().header("Cache-Control", "no-store")
                        : Response.status(Response.Status.NOT_FOUND)
                                .type(MediaType.APPLICATION_JSON_TYPE)
                                .entity(new HistoryProblem("You have no working share link " + "by that handle."))
                                .header("Cache-Control", "no-store"));
    }

    private CompletionStage<Response> signedIn(HttpHeaders headers, Function<String, Response.ResponseBuilder> work) {
        return sessions.run(
                headers,
                signedIn -> {
                    try {
                        return CompletableFuture.completedFuture(
                                work.apply(signedIn.session().userId()));
                    } catch (DatabaseException e) {
                        String reference = CorrelationId.create();
                        LOG.error(ErrorPage.logLine(503, "share links: the database failed", reference), e);
                        return CompletableFuture.completedFuture(HistoryProblem.unavailable(reference));
                    }
                },
                HistoryProblem::signedOut);
    }
}
