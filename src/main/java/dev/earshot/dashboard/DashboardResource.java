package dev.earshot.dashboard;

import dev.earshot.auth.SessionGuard;
import dev.earshot.auth.SignedInSession;
import dev.earshot.config.NowPlayingConfig;
import dev.earshot.history.Recordings;
import dev.earshot.listening.ListeningService;
import dev.earshot.listening.TimeRange;
import dev.earshot.owner.OwnerAccount;
import dev.earshot.owner.OwnerStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code GET /dashboard}: a signed-in listener's page, rendered on the server from their session. */
@Path("/dashboard")
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView view);
    }

    private final SessionGuard sessions;
    private final ListeningService listening;
    private final Duration pollInterval;
    private final OwnerAccount owner;
    private final Recordings recordings;

    DashboardResource(
            SessionGuard sessions,
            ListeningService listening,
            NowPlayingConfig nowPlaying,
            OwnerAccount owner,
            Recordings recordings) {
        this.sessions = sessions;
        this.recordings = recordings;
        this.listening = listening;
        this.owner = owner;
        this.pollInterval = nowPlaying.effectivePollInterval();
    }

    @GET
    public CompletionStage<Response> dashboard(
            @QueryParam("range") String range,
            @QueryParam("recording") String recordingChange,
            @Context HttpHeaders headers) {
        return sessions.run(
                headers,
                signedIn -> render(signedIn, TimeRange.fromParam(range), recordingChange),
                DashboardResource::toLanding);
    }

    private CompletionStage<Response.ResponseBuilder> render(
            SignedInSession signedIn, TimeRange range, String recordingChange) {
        return listening.dashboard(signedIn.session().userId(), signedIn, range).thenCompose(result -> {
            if (result.sessionEnded()) {
                // A section found the sign-in dead: the guard signs the visitor out instead of showing the page.
                return SessionGuard.sessionEnded();
            }
            var session = signedIn.session();
            // The database is blocking: read the recording's state off the event loop, after any token refresh.
            return CompletableFuture.supplyAsync(
                            () -> recordings.forDashboard(session, recordingChange),
                            Infrastructure.getDefaultWorkerPool())
                    .thenApply(recording -> {
                        String html = Templates.dashboard(DashboardView.of(
                                        session.name(),
                                        session.avatarUrl(),
                                        result,
                                        pollInterval.toMillis(),
                                        ownerNotice(session.userId()),
                                        recording))
                                .render();
                        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
                    });
        });
    }

    /** A banner for the owner only, when the public widget's sign-in is ending or dead. */
    private String ownerNotice(String userId) {
        OwnerStatus status = owner.status();
        if (!status.configured() || status.source() == OwnerAccount.Source.DEMO || !userId.equals(status.userId())) {
            return null;
        }
        if (status.offline()) {
            return "Your public widget is offline: Spotify no longer accepts its sign-in. Reconnect at /owner/connect.";
        }
        if (status.endingSoon()) {
            return "Your public widget's Spotify sign-in ends on " + status.signInEndsForPeople()
                    + " (Spotify's six-month limit). Reconnect at /owner/connect before then.";
        }
        return null;
    }

    static Response.ResponseBuilder toLanding(boolean sessionExpired) {
        return Response.seeOther(URI.create(sessionExpired ? "/?notice=expired" : "/"));
    }
}
