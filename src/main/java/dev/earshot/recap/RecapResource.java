package dev.earshot.recap;

import dev.earshot.auth.SessionGuard;
import dev.earshot.auth.SessionLookup;
import dev.earshot.database.DatabaseException;
import dev.earshot.history.BadHistoryQuery;
import dev.earshot.historypages.ViewerZone;
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
import java.net.URI;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * {@code GET /recap?year=} (or {@code from}/{@code to}, and {@code tz}): the signed-in listener's recap of a year or
 * any period, slide by slide, with the card to download and the controls to share it.
 */
@Path("/recap")
public class RecapResource {

    private static final Logger LOG = Logger.getLogger(RecapResource.class);

    private final SessionGuard sessions;
    private final RecapFigures recaps;
    private final ShareLinks shareLinks;
    private final Clock clock;

    RecapResource(SessionGuard sessions, RecapFigures recaps, ShareLinks shareLinks, Clock clock) {
        this.sessions = sessions;
        this.recaps = recaps;
        this.shareLinks = shareLinks;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Blocking
    public Response recap(
            @QueryParam("year") String year,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("tz") String timeZone,
            @Context HttpHeaders headers) {
        SessionLookup lookup = sessions.lookup(headers);
        if (!lookup.active()) {
            return toLanding(lookup, sessions);
        }
        RecapPeriod period;
        try {
            period = RecapPeriod.parse(year, from, to, ViewerZone.of(timeZone, headers), clock);
        } catch (BadHistoryQuery problem) {
            return badRequest(problem);
        }
        String listener = lookup.session().userId();
        try {
            Recap recap = recaps.of(listener, period);
            return RecapPage.of(RecapView.own(recap, lookup.session().name(), shareLinks.working(listener)))
                    .build();
        } catch (DatabaseException e) {
            return unavailable(e, "/recap?" + period.query());
        }
    }

    /** A visitor who is not signed in goes where the dashboard sends them: the landing page, to sign in. */
    static Response toLanding(SessionLookup lookup, SessionGuard sessions) {
        Response.ResponseBuilder answer =
                Response.seeOther(URI.create(lookup.state() == SessionLookup.State.EXPIRED ? "/?notice=expired" : "/"));
        if (lookup.needsClearing()) {
            answer.cookie(sessions.clearCookie());
        }
        return answer.build();
    }

    static Response badRequest(BadHistoryQuery problem) {
        return ErrorPage.of(
                        Response.Status.BAD_REQUEST,
                        "That recap cannot be shown",
                        problem.getMessage(),
                        "/recap",
                        "Your recap of this year",
                        null)
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The database is down: the recap is out of reach for now, and the page says so plainly (503). */
    static Response unavailable(DatabaseException e, String retry) {
        String reference = CorrelationId.create();
        LOG.error(ErrorPage.logLine(503, "recap: the database failed", reference), e);
        return ErrorPage.of(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "Your recap is out of reach for now",
                        "Earshot cannot reach its database right now. Try again in a moment.",
                        retry,
                        "Try again",
                        reference)
                .header("Cache-Control", "no-store")
                .build();
    }
}
