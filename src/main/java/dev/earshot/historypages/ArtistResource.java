package dev.earshot.historypages;

import dev.earshot.auth.SessionGuard;
import dev.earshot.figures.DatabaseDown;
import dev.earshot.history.BadHistoryQuery;
import dev.earshot.history.HistoryPeriod;
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
    @Blocking
    public CompletionStage<Response> artist(
            @QueryParam("name") String name, @QueryParam("tz") String tz, @Context HttpHeaders headers) {
        return sessions.run(
                headers,
                signedIn -> {
                    var session = signedIn.session();
                    Response.ResponseBuilder answer;
                    try {
                        if (name == null || name.isBlank()) {
                            throw new BadHistoryQuery("Which artist? The address needs ?name= with the artist's name.");
                        }
                        var zone = HistoryPeriod.parse(null, null, ViewerZone.of(tz, headers))
                                .zone();
                        Optional<String> html = page.renderArtist(session.userId(), session.name(), name, zone, tz);
                        answer = html.map(HistoryPageAnswers::page).orElseGet(() -> neverPlayed(name));
                    } catch (BadHistoryQuery problem) {
                        answer = ErrorPage.of(
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
                        answer = HistoryPageAnswers.unavailable("artist page", e);
                    }
                    return CompletableFuture.completedFuture(answer);
                },
                HistoryPageAnswers::signedOut);
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
