package dev.earshot.history;

import dev.earshot.auth.SameOriginRequest;
import dev.earshot.auth.SessionGuard;
import dev.earshot.auth.SessionLookup;
import dev.earshot.database.DatabaseException;
import dev.earshot.web.ErrorPage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;

/**
 * {@code POST /api/me/history/recording} with {@code enabled=true|false}: a signed-in listener opts in to
 * recording or out of it, from this site only (S17's check). API clients ({@code Accept: application/json}) get
 * JSON; the dashboard's form is sent back to the dashboard with a notice. Blocking (the database): a worker thread.
 */
@Path("/api/me/history/recording")
public class RecordingResource {

    /** The JSON answer. */
    public record Answer(boolean recording, boolean paused, Instant since, Instant lastRecordedAt, long playsKept) {
        static Answer of(RecordingStatus status) {
            return new Answer(
                    status.recording(), status.paused(), status.since(), status.lastRecordedAt(), status.playsKept());
        }
    }

    /** A refusal in JSON. */
    public record Refusal(String error, String message) {}

    private final SessionGuard sessions;
    private final Recordings recordings;

    RecordingResource(SessionGuard sessions, Recordings recordings) {
        this.sessions = sessions;
        this.recordings = recordings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(
            @FormParam("enabled") String enabled, @Context HttpHeaders headers, @Context UriInfo request) {
        boolean json = wantsJson(headers);
        if (!SameOriginRequest.isSameOrigin(headers, request)) {
            return refuse(
                    json,
                    Response.Status.FORBIDDEN,
                    "cross-origin",
                    "Recording not changed",
                    "The request didn't come from this site, so nothing changed. Use the button on your dashboard.");
        }
        SessionLookup lookup = sessions.lookup(headers);
        if (!lookup.active()) {
            Response.ResponseBuilder answer = json
                    ? Response.status(Response.Status.UNAUTHORIZED)
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(new Refusal("signed-out", "Sign in with Spotify first."))
                    : Response.seeOther(URI.create("/"));
            if (lookup.needsClearing()) {
                answer.cookie(sessions.clearCookie());
            }
            return answer.header("Cache-Control", "no-store").build();
        }
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            return refuse(
                    json,
                    Response.Status.BAD_REQUEST,
                    "bad-request",
                    "Recording not changed",
                    "Say enabled=true to keep your listening history, or enabled=false to stop.");
        }
        RecordingStatus status;
        try {
            status = "true".equals(enabled)
                    ? recordings.optIn(lookup.session())
                    : recordings.optOut(lookup.session().userId());
        } catch (DatabaseException e) {
            return refuse(
                    json,
                    Response.Status.SERVICE_UNAVAILABLE,
                    "unavailable",
                    "Recording not changed",
                    "Earshot's database is not reachable right now, so nothing changed. Try again in a minute.");
        }
        if (json) {
            return Response.ok(Answer.of(status), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store")
                    .build();
        }
        return Response.seeOther(URI.create("/dashboard?recording=" + ("true".equals(enabled) ? "on" : "off")))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Response refuse(boolean json, Response.Status status, String error, String title, String message) {
        if (json) {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Refusal(error, message))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        return ErrorPage.of(status, title, message, "/dashboard", "Back to your dashboard", null)
                .build();
    }

    private static boolean wantsJson(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType());
    }
}
