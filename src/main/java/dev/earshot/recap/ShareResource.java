package dev.earshot.recap;

import dev.earshot.auth.SameOriginRequest;
import dev.earshot.auth.SessionGuard;
import dev.earshot.auth.SessionLookup;
import dev.earshot.database.DatabaseException;
import dev.earshot.history.BadHistoryQuery;
import dev.earshot.history.HistoryPeriod;
import dev.earshot.web.CorrelationId;
import dev.earshot.web.ErrorPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.logging.Logger;

/**
 * The share forms of the recap and history pages (S29): {@code POST /share} makes a link and shows it this once (only
 * its digest is kept, so it cannot be shown again); {@code POST /share/revoke} ends one. Same-origin (S17) and signed
 * in, like every form post.
 */
@Path("/share")
public class ShareResource {

    private static final Logger LOG = Logger.getLogger(ShareResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance created(String url, ShareLink link, String backHref);
    }

    private final SessionGuard sessions;
    private final ShareLinks shareLinks;

    ShareResource(SessionGuard sessions, ShareLinks shareLinks) {
        this.sessions = sessions;
        this.shareLinks = shareLinks;
    }

    @POST
    @Blocking
    public Response create(
            @FormParam("kind") String kind,
            @FormParam("from") String from,
            @FormParam("to") String to,
            @FormParam("tz") String timeZone,
            @FormParam("expires") String expires,
            @Context HttpHeaders headers,
            @Context UriInfo request) {
        if (!SameOriginRequest.isSameOrigin(headers, request)) {
            return crossOrigin("No link was made");
        }
        SessionLookup lookup = sessions.lookup(headers);
        if (!lookup.active()) {
            return RecapResource.toLanding(lookup, sessions);
        }
        ShareRequest asked;
        try {
            asked = ShareRequest.parse(kind, from, to, timeZone, expires);
        } catch (BadHistoryQuery problem) {
            return ErrorPage.of(
                            Response.Status.BAD_REQUEST,
                            "No link was made",
                            problem.getMessage(),
                            "/recap",
                            "Back to your recap",
                            null)
                    .header("Cache-Control", "no-store")
                    .build();
        }
        try {
            ShareLinks.Created created =
                    shareLinks.create(lookup.session().userId(), asked.kind(), asked.period(), asked.expiry());
            String html = Templates.created(url(request, created.id()), created.link(), backHref(asked))
                    .render();
            return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (DatabaseException e) {
            return RecapResource.unavailable(e, "/recap");
        }
    }

    @POST
    @Path("revoke")
    @Blocking
    public Response revoke(@FormParam("handle") String handle, @Context HttpHeaders headers, @Context UriInfo request) {
        if (!SameOriginRequest.isSameOrigin(headers, request)) {
            return crossOrigin("Nothing was revoked");
        }
        SessionLookup lookup = sessions.lookup(headers);
        if (!lookup.active()) {
            return RecapResource.toLanding(lookup, sessions);
        }
        try {
            if (!shareLinks.revoke(lookup.session().userId(), handle)) {
                return ErrorPage.of(
                                Response.Status.NOT_FOUND,
                                "No such share link",
                                "You have no working share link by that name, so nothing changed.",
                                "/recap#share",
                                "Your share links",
                                null)
                        .header("Cache-Control", "no-store")
                        .build();
            }
            return Response.seeOther(URI.create("/recap#share")).build();
        } catch (DatabaseException e) {
            String reference = CorrelationId.create();
            LOG.error(ErrorPage.logLine(503, "revoking a share link: the database failed", reference), e);
            return ErrorPage.of(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "Nothing was revoked",
                            "Earshot cannot reach its database right now, so the link still works. Try again in a"
                                    + " moment.",
                            "/recap#share",
                            "Your share links",
                            reference)
                    .build();
        }
    }

    /** The link as the listener copies it: this site's address (as the request reached it) and the id. */
    static String url(UriInfo request, String id) {
        return request.getBaseUriBuilder().path("share").path(id).build().toString();
    }

    private static String backHref(ShareRequest asked) {
        return asked.kind() == ShareKind.RECAP
                ? "/recap?" + RecapPeriod.of(asked.period()).query() + "#share"
                : "/recap#share";
    }

    private static Response crossOrigin(String title) {
        return ErrorPage.of(
                        Response.Status.FORBIDDEN,
                        title,
                        "The request didn't come from Earshot's own pages, so nothing changed. Use the form on your"
                                + " recap page instead.",
                        "/recap",
                        "Your recap",
                        null)
                .build();
    }

    /** A share form or JSON request, checked: what to show, which period, for how long. */
    record ShareRequest(ShareKind kind, HistoryPeriod period, ShareExpiry expiry) {

        static ShareRequest parse(String kind, String from, String to, String timeZone, String expires) {
            ShareKind shown =
                    ShareKind.parse(kind).orElseThrow(() -> new BadHistoryQuery("'kind' must be recap or history."));
            if (timeZone != null && timeZone.length() > RecapPeriod.MAX_TIME_ZONE_LENGTH) {
                throw new BadHistoryQuery(
                        "'tz' must be a time zone such as Europe/Berlin or UTC; this one is too long.");
            }
            return new ShareRequest(shown, HistoryPeriod.parse(from, to, timeZone), ShareExpiry.parse(expires));
        }
    }
}
