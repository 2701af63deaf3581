package dev.earshot.auth;

import dev.earshot.web.ErrorPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * {@code POST /logout} signs out: only from our own pages (S17), clearing every cookie with the same
 * attributes and asking the browser to drop the site's cookies. {@code GET /logout} only asks.
 */
@Path("/logout")
public class LogoutResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm();
    }

    private final SessionCookie sessionCookie;
    private final LoginAttemptCookie attemptCookie;

    LogoutResource(SessionCookie sessionCookie, LoginAttemptCookie attemptCookie) {
        this.sessionCookie = sessionCookie;
        this.attemptCookie = attemptCookie;
    }

    /** A page with the sign-out button: a link or prefetch must never sign anyone out. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public String confirm() {
        return Templates.confirm().render();
    }

    @POST
    public Response logout(@Context HttpHeaders headers, @Context UriInfo request) {
        if (!SameOriginRequest.isSameOrigin(headers, request)) {
            return ErrorPage.of(
                            Response.Status.FORBIDDEN,
                            "Sign-out blocked",
                            "The sign-out request didn't come from this site, so nothing changed. Use the Sign out button instead.",
                            "/logout",
                            "Sign out",
                            null)
                    .build();
        }
        return Response.seeOther(URI.create("/?notice=signed-out"))
                .cookie(sessionCookie.clear(), attemptCookie.clear())
                .header("Clear-Site-Data", "\"cookies\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
