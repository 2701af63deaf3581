package dev.earshot.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns anything a resource did not handle into the generic error page, with its reference in one log
 * line (S25): a client's mistake (4xx) at INFO without a stack trace, ours (5xx) at ERROR with it.
 */
public class UnexpectedFailures {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailures.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return clientMistake(
                Response.Status.NOT_FOUND.getStatusCode(),
                "Page not found",
                "There is nothing at this address.",
                request);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        return clientMistake(
                Response.Status.METHOD_NOT_ALLOWED.getStatusCode(),
                "Not allowed",
                "This address does not answer that kind of request.",
                request);
    }

    @ServerExceptionMapper
    public Response clientError(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            return clientMistake(status, "That request didn't work", "The request was not understood.", request);
        }
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String reference = CorrelationId.create();
        LOG.errorf(e, "Unexpected failure on %s %s [ref %s]", request.method(), request.path(), reference);
        return ErrorPage.of(
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "Something went wrong",
                        "Earshot hit an unexpected problem. Please try again; if it keeps happening, tell the person who runs this server the reference below.",
                        "/",
                        "Go to the start page",
                        reference)
                .build();
    }

    private static Response clientMistake(int status, String title, String message, HttpServerRequest request) {
        String reference = CorrelationId.create();
        // The path only: a query string may carry a code or state.
        LOG.info(ErrorPage.logLine(status, title + ": " + request.method() + " " + request.path(), reference));
        return ErrorPage.of(status, title, message, "/", "Go to the start page", reference)
                .build();
    }
}
