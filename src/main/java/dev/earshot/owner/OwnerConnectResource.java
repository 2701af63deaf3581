package dev.earshot.owner;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import dev.earshot.auth.SameOriginRequest;
import dev.earshot.auth.SignInStarter;
import dev.earshot.config.OwnerConfig;
import dev.earshot.web.ErrorPage;
import dev.earshot.web.SignInRateLimit;
import dev.earshot.web.TooManyRequests;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /owner/connect}: (re)connects the owner's Spotify account from the browser instead of curl.
 * The person proves they run the server by being {@code EARSHOT_OWNER_ID} or by the setup code from the log.
 */
@Path("/owner/connect")
public class OwnerConnectResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance connect(String ownerId, boolean codeNeeded, boolean wrongCode);
    }

    private final SignInStarter signIn;
    private final OwnerSetupCode setupCode;
    private final OwnerConfig config;
    private final SignInRateLimit rateLimit;

    OwnerConnectResource(SignInStarter signIn, OwnerSetupCode setupCode, OwnerConfig config, SignInRateLimit rateLimit) {
        this.signIn = signIn;
        this.setupCode = setupCode;
        this.config = config;
        this.rateLimit = rateLimit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return Templates.connect(config.id().orElse(null), setupCode.needed(), false).render();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connect(@FormParam("code") String code, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        var wait = rateLimit.check(TooManyRequests.clientAddress(request));
        if (wait.isPresent()) {
            return TooManyRequests.page(wait.get());
        }
        if (!SameOriginRequest.isSameOrigin(headers)) {
            return ErrorPage.of(Response.Status.FORBIDDEN, "Request blocked",
                    "The request didn't come from this site, so nothing changed.", "/owner/connect", "Start again", null).build();
        }
        if (setupCode.needed() && !setupCode.matches(code)) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.connect(null, true, true).render()).build();
        }
        return signIn.start(headers, "/setup", true);
    }
}
