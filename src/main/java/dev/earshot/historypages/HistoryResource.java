package dev.earshot.historypages;

import dev.earshot.auth.SessionGuard;
import dev.earshot.figures.DatabaseDown;
import dev.earshot.history.BadHistoryQuery;
import dev.earshot.history.HistoryPeriod;
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
    @Blocking
    public CompletionStage<Response> history(
            @QueryParam("period") String period,
            @QueryParam("year") String year,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("until") String until,
            @QueryParam("tz") String tz,
            @Context HttpHeaders headers) {
        return sessions.run(
                headers,
                signedIn -> {
                    var session = signedIn.session();
                    Response.ResponseBuilder answer;
                    try {
                        String zone = ViewerZone.of(tz, headers);
                        PeriodChoice choice = PeriodChoice.parse(
                                period,
                                year,
                                from,
                                to,
                                until,
                                zone,
                                page.today(HistoryPeriod.parse(null, null, zone).zone()));
                        answer = HistoryPageAnswers.page(page.render(session.userId(), session.name(), choice, tz));
                    } catch (BadHistoryQuery problem) {
                        answer = HistoryPageAnswers.badQuery(problem);
                    } catch (RuntimeException e) {
                        if (!DatabaseDown.causedBy(e)) {
                            throw e;
                        }
                        answer = HistoryPageAnswers.unavailable("history page", e);
                    }
                    return CompletableFuture.completedFuture(answer);
                },
                HistoryPageAnswers::signedOut);
    }
}
