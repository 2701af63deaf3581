package dev.earshot.auth;

import dev.earshot.database.DatabaseException;
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
import org.jboss.logging.Logger;

/**
 * {@code POST /logout} signs out: only from our own pages (S17), recording the session as ended so no copy
 * of its cookie opens it again (S26), clearing every cookie with the same attributes and asking the browser
 * to drop the site's cookies. {@code POST /logout/everywhere} ends every session of the listener.
 * {@code GET /logout} only asks.
 */
@Path("/logout")
public class LogoutResource {

    private static final Logger LOG = Logger.getLogger(LogoutResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm();
    }

    private final SessionCookie sessionCookie;
    private final LoginAttemptCookie attemptCookie;
    private final EndedSessions endedSessions;

    LogoutResource(SessionCookie sessionCookie, LoginAttemptCookie attemptCookie, EndedSessions endedSessions) {
        this.sessionCookie = sessionCookie;
        this.attemptCookie = attemptCookie;
        this.endedSessions = endedSessions;
    }

    /** A page with the sign-out button: a link or prefetch must never sign anyone out. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public String confirm() {
        return Templates.confirm().render();
    }

    @POST
    public Response logout(@Context HttpHeaders headers, @Context UriInfo request) {
        return signOut(headers, request, false);
    }

    /** Ends every session of the signed-in listener, on every device and replica. */
    @POST
    @Path("everywhere")
    public Response logoutEverywhere(@Context HttpHeaders headers, @Context UriInfo request) {
        return signOut(headers, request, true);
    }

    private Response signOut(HttpHeaders headers, UriInfo request, boolean everywhere) {
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
        SessionLookup lookup = sessionCookie.read(headers);
        if (lookup.active()) {
            try {
                endedSessions.end(lookup.session());
                if (everywhere) {
                    endedSessions.endEverywhere(lookup.session().userId());
                }
            } catch (DatabaseException e) {
                // The cookie still goes below; only copies of it outlive this sign-out, and the log says so.
                LOG.warnf(
                        "A sign-out could not be recorded in the database (%s): copies of its cookie stay valid",
                        e.getMessage());
            }
        }
        return Response.seeOther(URI.create(everywhere ? "/?notice=signed-out-everywhere" : "/?notice=signed-out"))
                .cookie(sessionCookie.clear(), attemptCookie.clear())
                .header("Clear-Site-Data", "\"cookies\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
