package dev.earshot.web;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns anything a resource did not handle into the generic error page, logged with its reference (S25). */
public class UnexpectedFailures {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailures.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ErrorPage.of(Response.Status.NOT_FOUND, "Page not found", "There is nothing at this address.", "/",
                "Go to the start page", null).build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return ErrorPage.of(Response.Status.METHOD_NOT_ALLOWED, "Not allowed", "This address does not answer that kind of request.",
                "/", "Go to the start page", null).build();
    }

    @ServerExceptionMapper
    public Response clientError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            return ErrorPage.of(status, "That request didn't work", "The request was not understood.", "/",
                    "Go to the start page", null).build();
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = CorrelationId.create();
        LOG.errorf(e, "Unexpected failure [ref %s]", reference);
        return ErrorPage.of(Response.Status.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Earshot hit an unexpected problem. Please try again; if it keeps happening, tell the person who runs this server the reference below.",
                "/", "Go to the start page", reference).build();
    }
}
