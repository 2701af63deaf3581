package dev.earshot.history;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JSON answer of the history API when it cannot do what was asked: {@code {"error": "..."}} in plain words,
 * never a stack trace or a database message, and never stored by the browser.
 */
public record HistoryProblem(String error) {

    public static Response.ResponseBuilder badRequest(BadHistoryQuery problem) {
        return answer(Response.Status.BAD_REQUEST, problem.getMessage());
    }

    public static Response.ResponseBuilder signedOut(boolean sessionExpired) {
        return answer(
                Response.Status.UNAUTHORIZED,
                sessionExpired
                        ? "Your sign-in has ended. Sign in with Spotify again to reach your listening history."
                        : "Sign in with Spotify to reach your listening history.");
    }

    public static Response.ResponseBuilder crossOrigin() {
        return answer(
                Response.Status.FORBIDDEN,
                "This request didn't come from Earshot's own pages, so nothing was changed.");
    }

    /** The database is down: the history is unreachable for now, and the rest of Earshot goes on. */
    public static Response.ResponseBuilder unavailable(String reference) {
        return answer(
                Response.Status.SERVICE_UNAVAILABLE,
                "Earshot cannot reach its database right now, so your listening history is out of reach. "
                        + "Try again in a moment (reference " + reference + ").");
    }

    private static Response.ResponseBuilder answer(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new HistoryProblem(message))
                .header("Cache-Control", "no-store");
    }
}
