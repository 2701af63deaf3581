package dev.earshot.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * The one generic error page: a plain explanation, a way forward, and a reference to quote that is
 * also in one log line (S25); never a stack trace, token or upstream detail.
 */
public final class ErrorPage {

    private static final Logger LOG = Logger.getLogger(ErrorPage.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(
                int status, String title, String message, String actionHref, String actionLabel, String reference);
    }

    private ErrorPage() {}

    public static Response.ResponseBuilder of(
            Response.Status status,
            String title,
            String message,
            String actionHref,
            String actionLabel,
            String reference) {
        return of(status.getStatusCode(), title, message, actionHref, actionLabel, reference);
    }

    /**
     * The page. A caller that logged the failure itself passes that line's reference; with {@code null}
     * the page gets a new reference and this logs it: a client's mistake (4xx) at INFO, ours (5xx) at ERROR.
     */
    public static Response.ResponseBuilder of(
            int status, String title, String message, String actionHref, String actionLabel, String reference) {
        String shown = reference;
        if (shown == null) {
            shown = CorrelationId.create();
            LOG.log(status >= 500 ? Logger.Level.ERROR : Logger.Level.INFO, logLine(status, title, shown));
        }
        String html = Templates.error(status, title, message, actionHref, actionLabel, shown)
                .render();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html);
    }

    /** The log line for an error page, in the one format operators search for: {@code [ref <id>]}. */
    public static String logLine(int status, String what, String reference) {
        return "Answered " + status + " (" + what + ") [ref " + reference + "]";
    }
}
