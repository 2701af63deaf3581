package dev.earshot.history;

import dev.earshot.auth.SameOriginRequest;
import dev.earshot.auth.SessionGuard;
import dev.earshot.database.DatabaseException;
import dev.earshot.web.CorrelationId;
import dev.earshot.web.ErrorPage;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@code DELETE /api/me/history}: forgets everything Earshot holds about the signed-in listener's listening
 * (S30), from Earshot's own pages only (a cross-site request could otherwise wipe a signed-in visitor's history).
 */
@Path("/api/me/history")
public class HistoryEraseResource {

    /** What the listener is told once it is done. */
    public static final String DONE = "Earshot no longer holds any of your listening history.";

    private static final Logger LOG = Logger.getLogger(HistoryEraseResource.class);

    /** The answer: how many streams were deleted, and the sentence the pages show. */
    public record Erased(long streams, String message) {}

    private final SessionGuard sessions;
    private final ListenerHistoryEraser eraser;

    HistoryEraseResource(SessionGuard sessions, ListenerHistoryEraser eraser) {
        this.sessions = sessions;
        this.eraser = eraser;
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public CompletionStage<Response> forget(@Context HttpHeaders headers, @Context UriInfo request) {
        if (!SameOriginRequest.isSameOrigin(headers, request)) {
            return CompletableFuture.completedFuture(
                    HistoryProblem.crossOrigin().build());
        }
        return sessions.run(
                headers,
                signedIn -> CompletableFuture.completedFuture(
                        erase(signedIn.session().userId())),
                HistoryProblem::signedOut);
    }

    private Response.ResponseBuilder erase(String listenerId) {
        try {
            ListenerHistoryEraser.Forgotten forgotten = eraser.forget(listenerId);
            return Response.ok(new Erased(forgotten.streams(), DONE)).header("Cache-Control", "no-store");
        } catch (DatabaseException e) {
            String reference = CorrelationId.create();
            LOG.error(ErrorPage.logLine(503, "forgetting a history: the database failed", reference), e);
            return HistoryProblem.unavailable(reference);
        }
    }
}
