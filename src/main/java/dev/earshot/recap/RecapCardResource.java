package dev.earshot.recap;

import dev.earshot.auth.SessionGuard;
import dev.earshot.auth.SessionLookup;
import dev.earshot.database.DatabaseException;
import dev.earshot.history.BadHistoryQuery;
import dev.earshot.historypages.ViewerZone;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/** {@code GET /recap.svg?year=}: the signed-in listener's recap as a 1200×630 card to download and share. */
@Path("/recap.svg")
public class RecapCardResource {

    /** The card references nothing: no script, no remote image, no font; only its own inline presentation. */
    static final String SVG_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    static final MediaType SVG = new MediaType("image", "svg+xml", "UTF-8");

    private final SessionGuard sessions;
    private final RecapFigures recaps;
    private final Clock clock;

    RecapCardResource(SessionGuard sessions, RecapFigures recaps, Clock clock) {
        this.sessions = sessions;
        this.recaps = recaps;
        this.clock = clock;
    }

    @GET
    @Blocking
    public Response card(
            @QueryParam("year") String year,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("tz") String timeZone,
            @Context HttpHeaders headers) {
        SessionLookup lookup = sessions.lookup(headers);
        if (!lookup.active()) {
            return RecapResource.toLanding(lookup, sessions);
        }
        RecapPeriod period;
        try {
            period = RecapPeriod.parse(year, from, to, ViewerZone.of(timeZone, headers), clock);
        } catch (BadHistoryQuery problem) {
            return RecapResource.badRequest(problem);
        }
        try {
            return svg(RecapCard.of(recaps.of(lookup.session().userId(), period)))
                    // The listener's own figures: their browser may keep it, no shared cache may.
                    .header("Cache-Control", "private")
                    .build();
        } catch (DatabaseException e) {
            return RecapResource.unavailable(e, "/recap?" + period.query());
        }
    }

    static Response.ResponseBuilder svg(String card) {
        return Response.ok(card, SVG).header("Content-Security-Policy", SVG_CONTENT_SECURITY_POLICY);
    }
}
