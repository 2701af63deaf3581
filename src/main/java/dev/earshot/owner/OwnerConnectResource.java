package dev.earshot.owner;

import dev.earshot.auth.SameOriginRequest;
import dev.earshot.auth.SignInStarter;
import dev.earshot.config.ModeConfig;
import dev.earshot.config.OwnerConfig;
import dev.earshot.web.ErrorPage;
import dev.earshot.web.SignInRateLimit;
import dev.earshot.web.TooManyRequests;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /owner/connect}: (re)connects the owner's Spotify account from the browser instead of curl.
 * The person proves they run the server by being the known owner ({@code EARSHOT_OWNER_ID}, or the
 * account connected before) or by the setup code from the log. The page is public: it says whether an
 * owner is connected, never who.
 */
@Path("/owner/connect")
public class OwnerConnectResource {

    /** What the page shows; no owner id, ever. */
    record ConnectPage(
            boolean codeNeeded,
            boolean ownerIdConfigured,
            boolean ownerConnected,
            boolean ownerOffline,
            boolean justConnected,
            boolean demo,
            String codeProblem,
            long codeMinutes) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance connect(ConnectPage page);
    }

    private final SignInStarter signIn;
    private final OwnerSetupCode setupCode;
    private final OwnerAccount owner;
    private final OwnerConfig config;
    private final ModeConfig mode;
    private final SignInRateLimit rateLimit;

    OwnerConnectResource(
            SignInStarter signIn,
            OwnerSetupCode setupCode,
            OwnerAccount owner,
            OwnerConfig config,
            ModeConfig mode,
            SignInRateLimit rateLimit) {
        this.signIn = signIn;
        this.setupCode = setupCode;
        this.owner = owner;
        this.config = config;
        this.mode = mode;
        this.rateLimit = rateLimit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@QueryParam("connected") boolean connected) {
        return render(connected, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connect(
            @FormParam("code") String code,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Context HttpServerRequest request) {
        var wait = rateLimit.check(request);
        if (wait.isPresent()) {
            return TooManyRequests.page(wait.get());
        }
        if (!SameOriginRequest.isSameOrigin(headers, uri)) {
            return ErrorPage.of(
                            Response.Status.FORBIDDEN,
                            "Request blocked",
                            "The request didn't come from this site, so nothing changed.",
                            "/owner/connect",
                            "Start again",
                            null)
                    .build();
        }
        if (owner.connectNeedsSetupCode()) {
            OwnerSetupCode.Check check = setupCode.check(code);
            if (check != OwnerSetupCode.Check.ACCEPTED) {
                return Response.status(Response.Status.BAD_REQUEST)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(render(false, check == OwnerSetupCode.Check.EXPIRED ? "expired" : "wrong"))
                        .build();
            }
        }
        return signIn.start(headers, "/owner/connect", true);
    }

    private String render(boolean connected, String codeProblem) {
        OwnerStatus status = owner.status();
        boolean ownerConnected =
                status.configured() && !status.offline() && status.source() != OwnerAccount.Source.DEMO;
        return Templates.connect(new ConnectPage(
                        owner.connectNeedsSetupCode(),
                        config.id().filter(id -> !id.isBlank()).isPresent(),
                        ownerConnected,
                        status.offline(),
                        connected && ownerConnected,
                        mode.demo(),
                        codeProblem,
                        setupCode.lifetime().toMinutes()))
                .render();
    }
}
