package dev.earshot.historypages;

import dev.earshot.auth.Session;
import dev.earshot.auth.SessionGuard;
import dev.earshot.figures.DatabaseDown;
import dev.earshot.history.BadHistoryQuery;
import dev.earshot.history.HistoryPeriod;
import dev.earshot.web.ErrorPage;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code GET /history/artist?name=&tz=}: one artist in the signed-in listener's history, all time. */
@Path("/history/artist")
public class ArtistResource {

    private final SessionGuard sessions;
    private final HistoryPage page;

    ArtistResource(SessionGuard sessions, HistoryPage page) {
        this.sessions = sessions;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public CompletionStage<Response> artist(
            @QueryParam("name") String name, @QueryParam("tz") String tz, @Context HttpHeaders headers) {
        // The cookie is read here, on the request's thread; the database on a worker thread, never the event loop.
        String zone = ViewerZone.of(tz, headers);
        return sessions.run(
                headers,
                signedIn -> CompletableFuture.supplyAsync(
                        () -> answer(signedIn.session(), name, zone, tz), Infrastructure.getDefaultWorkerPool()),
                HistoryPageAnswers::signedOut);
    }

    private Response.ResponseBuilder answer(Session session, String name, String zone, String tz) {
        try {
            if (name == null || name.isBlank()) {
                throw new BadHistoryQuery("Which artist? The address needs ?name= with the artist's name.");
            }
            ZoneId zoneId = HistoryPeriod.parse(null, null, zone).zone();
            Optional<String> html = page.renderArtist(session.userId(), session.name(), name, zoneId, tz);
            return html.map(HistoryPageAnswers::page).orElseGet(() -> neverPlayed(name));
        } catch (BadHistoryQuery problem) {
            return ErrorPage.of(
                    Response.Status.BAD_REQUEST,
                    "No such artist page",
                    problem.getMessage(),
                    "/history",
                    "Back to your history",
                    null);
        } catch (RuntimeException e) {
            if (!DatabaseDown.causedBy(e)) {
                throw e;
            }
            return HistoryPageAnswers.unavailable("artist page", e);
        }
    }

    private static Response.ResponseBuilder neverPlayed(String name) {
        return ErrorPage.of(
                Response.Status.NOT_FOUND,
                "Not in your history",
                "You have not played " + name + " yet.",
                "/history",
                "Back to your history",
                null);
    }
}
