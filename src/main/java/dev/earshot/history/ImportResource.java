package dev.earshot.history;

import dev.earshot.auth.SameOriginRequest;
import dev.earshot.auth.SessionGuard;
import dev.earshot.auth.SessionLookup;
import dev.earshot.web.ErrorPage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/me/history/import}: one or more parts named {@code file} (the export's zip or its JSON files),
 * signed-in and same-origin only. Answers JSON to the page's script; a plain form post without JavaScript
 * ({@code Accept: text/html}) gets the import page with the result. The uploads sit in the scratch directory
 * ({@code quarkus.http.body.uploads-directory}) and are deleted when the request ends.
 */
@Path("/api/me/history/import")
public class ImportResource {

    private final SessionGuard sessions;
    private final ExportImporter importer;
    private final ImportPageResource page;

    ImportResource(SessionGuard sessions, ExportImporter importer, ImportPageResource page) {
        this.sessions = sessions;
        this.importer = importer;
        this.page = page;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response importExport(
            @RestForm("file") List<FileUpload> files, @Context HttpHeaders headers, @Context UriInfo request) {
        boolean html = wantsHtml(headers);
        if (!SameOriginRequest.isSameOrigin(headers, request)) {
            return html
                    ? ErrorPage.of(
                                    Response.Status.FORBIDDEN,
                                    "Import blocked",
                                    "The upload didn't come from this site, so nothing was imported. Use the import page instead.",
                                    "/history/import",
                                    "Import page",
                                    null)
                            .build()
                    : json(Response.Status.FORBIDDEN, Map.of("error", "The upload must come from Earshot's own page."));
        }
        SessionLookup lookup = sessions.lookup(headers);
        if (!lookup.active()) {
            if (html) {
                return page.signedOut(lookup);
            }
            Response.ResponseBuilder answer = Response.status(Response.Status.UNAUTHORIZED)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "Sign in to import your listening history."))
                    .header("Cache-Control", "no-store");
            if (lookup.needsClearing()) {
                answer.cookie(sessions.clearCookie());
            }
            return answer.build();
        }
        if (files == null || files.isEmpty()) {
            return html
                    ? ErrorPage.of(
                                    Response.Status.BAD_REQUEST,
                                    "No file chosen",
                                    "Choose the zip Spotify sent you, or its JSON files, then press Import.",
                                    "/history/import",
                                    "Import page",
                                    null)
                            .build()
                    : json(Response.Status.BAD_REQUEST, Map.of("error", "Send one or more parts named \"file\"."));
        }
        List<ExportImporter.Upload> uploads = files.stream()
                .map(file -> new ExportImporter.Upload(file.fileName(), file.uploadedFile()))
                .toList();
        ImportReport report = importer.importAll(lookup.session().userId(), uploads);
        if (html) {
            return page.render(lookup, report).build();
        }
        // A file that could not be imported makes the answer a 422, though the others were imported.
        return json(report.hasError() ? 422 : 200, report);
    }

    private static Response json(Response.Status status, Object body) {
        return json(status.getStatusCode(), body);
    }

    private static Response json(int status, Object body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A browser's own form post asks for HTML first; the page's script and API clients ask for JSON. */
    private static boolean wantsHtml(HttpHeaders headers) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty()
                && !accepted.get(0).isWildcardType()
                && !accepted.get(0).isWildcardSubtype()
                && accepted.get(0).isCompatible(MediaType.TEXT_HTML_TYPE);
    }
}
