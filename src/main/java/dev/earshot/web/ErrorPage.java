package dev.earshot.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The one generic error page: a plain explanation, a way forward, and a reference to quote
 * (S25); never a stack trace, token or upstream detail.
 */
public final class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String actionHref,
                String actionLabel, String reference);
    }

    private ErrorPage() {
    }

    public static Response.ResponseBuilder of(Response.Status status, String title, String message, String actionHref,
            String actionLabel, String reference) {
        return of(status.getStatusCode(), title, message, actionHref, actionLabel, reference);
    }

    public static Response.ResponseBuilder of(int status, String title, String message, String actionHref,
            String actionLabel, String reference) {
        String html = Templates.error(status, title, message, actionHref, actionLabel, reference).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html);
    }
}
