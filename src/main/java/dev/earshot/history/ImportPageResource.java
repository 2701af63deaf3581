package dev.earshot.history;

import dev.earshot.auth.SessionGuard;
import dev.earshot.auth.SessionLookup;
import dev.earshot.config.SpotifySettings;
import dev.earshot.database.DatabaseException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;

/** {@code GET /history/import}: the page to import Spotify's data export (drop zone, progress, past imports). */
@Path("/history/import")
public class ImportPageResource {

    private static final Logger LOG = Logger.getLogger(ImportPageResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance importPage(ImportPage page);
    }

    private final SessionGuard sessions;
    private final ImportRecords records;
    private final SpotifySettings spotify;

    ImportPageResource(SessionGuard sessions, ImportRecords records, SpotifySettings spotify) {
        this.sessions = sessions;
        this.records = records;
        this.spotify = spotify;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context HttpHeaders headers) {
        SessionLookup lookup = sessions.lookup(headers);
        if (!lookup.active()) {
            return signedOut(lookup);
        }
        return render(lookup, null).build();
    }

    /** The page, with the result of an import when there is one. */
    Response.ResponseBuilder render(SessionLookup lookup, ImportReport result) {
        String listener = lookup.session().userId();
        List<PastImport> past = List.of();
        boolean pastUnavailable = false;
        try {
            past = records.latest(listener);
        } catch (DatabaseException e) {
            // The list of past imports is one part of the page: without the database the rest still shows.
            LOG.warnf("Past imports unavailable: %s", e.getMessage());
            pastUnavailable = true;
        }
        String html = Templates.importPage(
                        new ImportPage(lookup.session().name(), result, past, pastUnavailable, spotify.demo()))
                .render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store");
    }

    Response signedOut(SessionLookup lookup) {
        Response.ResponseBuilder answer =
                Response.seeOther(URI.create(lookup.state() == SessionLookup.State.EXPIRED ? "/?notice=expired" : "/"));
        if (lookup.needsClearing()) {
            answer.cookie(sessions.clearCookie());
        }
        return answer.build();
    }
}
