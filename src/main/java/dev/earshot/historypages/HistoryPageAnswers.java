package dev.earshot.historypages;

import dev.earshot.history.BadHistoryQuery;
import dev.earshot.web.CorrelationId;
import dev.earshot.web.ErrorPage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;

/** The answers the history pages share: the page itself, a bad query, the database down, signed out. */
final class HistoryPageAnswers {

    private static final Logger LOG = Logger.getLogger(HistoryPageAnswers.class);

    private HistoryPageAnswers() {}

    static Response.ResponseBuilder page(String html) {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store");
    }

    static Response.ResponseBuilder badQuery(BadHistoryQuery problem) {
        return ErrorPage.of(
                Response.Status.BAD_REQUEST,
                "That period can't be shown",
                problem.getMessage(),
                "/history",
                "Show this year",
                null);
    }

    /** The database failed: the history cannot be read right now; the rest of Earshot goes on. */
    static Response.ResponseBuilder unavailable(String what, RuntimeException failure) {
        String reference = CorrelationId.create();
        LOG.error(ErrorPage.logLine(503, what + ": the database failed", reference), failure);
        return ErrorPage.of(
                Response.Status.SERVICE_UNAVAILABLE,
                "Your history can't be read right now",
                "Earshot cannot read your listening history at the moment: its database is not answering. "
                        + "Nothing is lost; try again in a minute.",
                "/dashboard",
                "Back to the dashboard",
                reference);
    }

    /** Signed out: to the landing page and its sign-in, as the dashboard does. */
    static Response.ResponseBuilder signedOut(boolean sessionExpired) {
        return Response.seeOther(URI.create(sessionExpired ? "/?notice=expired" : "/"));
    }
}
