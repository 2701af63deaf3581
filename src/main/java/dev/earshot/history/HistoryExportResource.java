package dev.earshot.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.auth.SessionGuard;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/me/history/export?format=csv|json}: every stream Earshot holds of the signed-in listener, as a
 * download (S30: everything can be taken out before it is deleted). Streamed from a database cursor to the
 * response, so a history of millions of streams never sits in memory.
 */
@Path("/api/me/history/export")
public class HistoryExportResource {

    private final SessionGuard sessions;
    private final HistoryQueries queries;
    private final ObjectMapper json;
    private final Clock clock;

    HistoryExportResource(SessionGuard sessions, HistoryQueries queries, ObjectMapper json, Clock clock) {
        this.sessions = sessions;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Blocking
    public CompletionStage<Response> export(@QueryParam("format") String format, @Context HttpHeaders headers) {
        return sessions.run(
                headers,
                signedIn -> CompletableFuture.completedFuture(
                        download(signedIn.session().userId(), format)),
                HistoryProblem::signedOut);
    }

    private Response.ResponseBuilder download(String listenerId, String requested) {
        ExportFormat format;
        try {
            format = ExportFormat.parse(requested);
        } catch (BadHistoryQuery problem) {
            return HistoryProblem.badRequest(problem);
        }
        StreamingOutput body = out -> {
            ExportWriter writer = format.writer(out, json.getFactory());
            queries.forEachStream(listenerId, writer::write);
            // Only a complete export is finished: a failure half-way breaks the download instead.
            writer.finish();
        };
        String fileName =
                "earshot-history-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "." + format.extension;
        return Response.ok(body, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store");
    }
}
