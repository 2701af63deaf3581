package dev.earshot.history;

import dev.earshot.auth.SessionGuard;
import dev.earshot.database.DatabaseException;
import dev.earshot.web.CorrelationId;
import dev.earshot.web.ErrorPage;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/me/history/summary?from=&to=&tz=&limit=}: the signed-in listener's plays, listening time and
 * top artists and tracks of a period, from the database alone (see {@link HistorySummary}).
 */
@Path("/api/me/history/summary")
public class HistorySummaryResource {

    private static final Logger LOG = Logger.getLogger(HistorySummaryResource.class);

    private final SessionGuard sessions;
    private final HistoryQueries queries;

    HistorySummaryResource(SessionGuard sessions, HistoryQueries queries) {
        this.sessions = sessions;
        this.queries = queries;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public CompletionStage<Response> summary(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("tz") String timeZone,
            @QueryParam("limit") String limit,
            @Context HttpHeaders headers) {
        return sessions.run(
                headers,
                signedIn -> CompletableFuture.completedFuture(
                        answer(signedIn.session().userId(), from, to, timeZone, limit)),
                HistoryProblem::signedOut);
    }

    private Response.ResponseBuilder answer(String listenerId, String from, String to, String timeZone, String limit) {
        HistoryPeriod period;
        int top;
        try {
            period = HistoryPeriod.parse(from, to, timeZone);
            top = SummaryLimit.parse(limit);
        } catch (BadHistoryQuery problem) {
            return HistoryProblem.badRequest(problem);
        }
        try {
            return Response.ok(queries.summary(listenerId, period, top)).header("Cache-Control", "no-store");
        } catch (DatabaseException e) {
            String reference = CorrelationId.create();
            LOG.error(ErrorPage.logLine(503, "history summary: the database failed", reference), e);
            return HistoryProblem.unavailable(reference);
        }
    }
}
