package dev.earshot.historypages;

import dev.earshot.auth.Session;
import dev.earshot.auth.SessionGuard;
import dev.earshot.figures.DatabaseDown;
import dev.earshot.history.BadHistoryQuery;
import dev.earshot.history.HistoryPeriod;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /history?period=week|month|year|all | year=2025 | from=&to= (or until=) &tz=}: the signed-in
 * listener's listening in a period (see {@link PeriodChoice}), from the database alone.
 */
@Path("/history")
public class HistoryResource {

    private final SessionGuard sessions;
    private final HistoryPage page;

    HistoryResource(SessionGuard sessions, HistoryPage page) {
        this.sessions = sessions;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public CompletionStage<Response> history(
            @QueryParam("period") String period,
            @QueryParam("year") String year,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("until") String until,
            @QueryParam("tz") String tz,
            @Context HttpHeaders headers) {
        // The cookie is read here, on the request's thread; the database on a worker thread, never the event loop.
        String zone = ViewerZone.of(tz, headers);
        return sessions.run(
                headers,
                signedIn -> CompletableFuture.supplyAsync(
                        () -> answer(signedIn.session(), period, year, from, to, until, zone, tz),
                        Infrastructure.getDefaultWorkerPool()),
                HistoryPageAnswers::signedOut);
    }

    private Response.ResponseBuilder answer(
            Session session, String period, String year, String from, String to, String until, String zone, String tz) {
        try {
            LocalDate today = page.today(HistoryPeriod.parse(null, null, zone).zone());
            PeriodChoice choice = PeriodChoice.parse(period, year, from, to, until, zone, today);
            return HistoryPageAnswers.page(page.render(session.userId(), session.name(), choice, tz));
        } catch (BadHistoryQuery problem) {
            return HistoryPageAnswers.badQuery(problem);
        } catch (RuntimeException e) {
            if (!DatabaseDown.causedBy(e)) {
                throw e;
            }
            return HistoryPageAnswers.unavailable("history page", e);
        }
    }
}
