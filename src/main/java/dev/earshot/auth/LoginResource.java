package dev.earshot.auth;

import dev.earshot.web.SignInRateLimit;
import dev.earshot.web.TooManyRequests;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code GET /login}: starts a visitor's sign-in by sending the browser to Spotify's authorize page. */
@Path("/login")
public class LoginResource {

    private final SignInStarter signIn;
    private final SignInRateLimit rateLimit;

    LoginResource(SignInStarter signIn, SignInRateLimit rateLimit) {
        this.signIn = signIn;
        this.rateLimit = rateLimit;
    }

    @GET
    public Response login(
            @QueryParam("return") String returnTo, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        var wait = rateLimit.check(request);
        if (wait.isPresent()) {
            return TooManyRequests.page(wait.get());
        }
        return signIn.start(headers, returnTo, false);
    }
}
