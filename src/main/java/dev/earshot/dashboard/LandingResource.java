package dev.earshot.dashboard;

import dev.earshot.auth.SessionGuard;
import dev.earshot.auth.SessionLookup;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code GET /}: what Earshot is and the sign-in button; signed-in visitors go straight to their dashboard. */
@Path("/")
public class LandingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(String notice);
    }

    private final SessionGuard sessions;

    LandingResource(SessionGuard sessions) {
        this.sessions = sessions;
    }

    @GET
    public Response landing(@QueryParam("notice") String notice, @Context HttpHeaders headers) {
        SessionLookup lookup = sessions.lookup(headers);
        if (lookup.active()) {
            return Response.seeOther(URI.create("/dashboard")).build();
        }
        Response.ResponseBuilder page = Response.ok(
                Templates.landing(noticeText(notice, lookup)).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        if (lookup.needsClearing()) {
            page.cookie(sessions.clearCookie());
        }
        return page.build();
    }

    /** Only known notices are shown: the query string never puts text on the page. */
    private static String noticeText(String notice, SessionLookup lookup) {
        if ("expired".equals(notice) || lookup.state() == SessionLookup.State.EXPIRED) {
            return "Your Spotify sign-in has expired — please sign in again.";
        }
        if ("signed-out-everywhere".equals(notice)) {
            return "You're signed out everywhere: on every device and browser.";
        }
        if ("signed-out".equals(notice)) {
            return "You're signed out. See you soon.";
        }
        return null;
    }
}
