package dev.earshot.history;

import dev.earshot.auth.SameOriginRequest;
import dev.earshot.auth.SessionGuard;
import dev.earshot.database.DatabaseException;
import dev.earshot.web.CorrelationId;
import dev.earshot.web.ErrorPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@code /history/forget}: the dashboard's way to forget a listener's history (HTML forms cannot send
 * {@code DELETE}). {@code GET} asks, with the export offered first; {@code POST} — from Earshot's own pages,
 * with the "I understand" box ticked — forgets and says so.
 */
@Path("/history/forget")
public class ForgetHistoryResource {

    /** The value of the confirmation checkbox. */
    static final String UNDERSTOOD = "yes";

    private static final Logger LOG = Logger.getLogger(ForgetHistoryResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String problem);

        static native TemplateInstance forgotten(String message, long streams);
    }

    private final SessionGuard sessions;
    private final ListenerHistoryEraser eraser;

    ForgetHistoryResource(SessionGuard sessions, ListenerHistoryEraser eraser) {
        this.sessions = sessions;
        this.eraser = eraser;
    }

    @GET
    public CompletionStage<Response> confirm(@Context HttpHeaders headers) {
        return sessions.run(
                headers,
                signedIn -> CompletableFuture.completedFuture(page(Response.ok(), Templates.confirm(null))),
                ForgetHistoryResource::toLanding);
    }

    @POST
    @Blocking
    public CompletionStage<Response> forget(
            @FormParam("understood") String understood, @Context HttpHeaders headers, @Context UriInfo request) {
        if (!SameOriginRequest.isSameOrigin(headers, request)) {
            return CompletableFuture.completedFuture(ErrorPage.of(
                            Response.Status.FORBIDDEN,
                            "Nothing was deleted",
                            "The request to forget your listening history didn't come from this site, so nothing"
                                    + " changed. Use the button on your dashboard instead.",
                            "/history/forget",
                            "Forget my listening history",
                            null)
                    .build());
        }
        return sessions.run(
                headers,
                signedIn -> CompletableFuture.completedFuture(
                        UNDERSTOOD.equals(understood)
                                ? erase(signedIn.session().userId())
                                : page(
                                        Response.status(Response.Status.BAD_REQUEST),
                                        Templates.confirm("Nothing was deleted: tick the box to confirm first."))),
                ForgetHistoryResource::toLanding);
    }

    private Response.ResponseBuilder erase(String listenerId) {
        try {
            ListenerHistoryEraser.Forgotten forgotten = eraser.forget(listenerId);
            return page(Response.ok(), Templates.forgotten(HistoryEraseResource.DONE, forgotten.streams()));
        } catch (DatabaseException e) {
            String reference = CorrelationId.create();
            LOG.error(ErrorPage.logLine(503, "forgetting a history: the database failed", reference), e);
            return ErrorPage.of(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "Nothing was deleted",
                    "Earshot cannot reach its database right now, so your listening history is still there."
                            + " Try again in a moment.",
                    "/history/forget",
                    "Try again",
                    reference);
        }
    }

    private static Response.ResponseBuilder page(Response.ResponseBuilder status, TemplateInstance page) {
        return status.entity(page.render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store");
    }

    private static Response.ResponseBuilder toLanding(boolean sessionExpired) {
        return Response.seeOther(URI.create(sessionExpired ? "/?notice=expired" : "/"));
    }
}
