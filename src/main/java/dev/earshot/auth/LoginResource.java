package dev.earshot.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.earshot.config.SpotifySettings;
import dev.earshot.web.SignInRateLimit;
import dev.earshot.web.TooManyRequests;
import io.vertx.core.http.HttpServerRequest;

/** {@code GET /login}: starts a sign-in by sending the browser to Spotify's authorize page (S01–S05). */
@Path("/login")
public class LoginResource {

    /** Only what the features need (S05). */
    public static final String SCOPES = "user-read-currently-playing user-read-recently-played user-top-read";

    private final SpotifySettings spotify;
    private final LoginAttemptCookie attempts;
    private final SignInRateLimit rateLimit;
    private final Clock clock;

    LoginResource(SpotifySettings spotify, LoginAttemptCookie attempts, SignInRateLimit rateLimit, Clock clock) {
        this.spotify = spotify;
        this.attempts = attempts;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    @GET
    public Response login(@QueryParam("return") String returnTo, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        var wait = rateLimit.check(TooManyRequests.clientAddress(request));
        if (wait.isPresent()) {
            return TooManyRequests.page(wait.get());
        }
        PkceChallenge pkce = PkceChallenge.create();
        LoginAttempt attempt = new LoginAttempt(UrlSafeRandom.ofBytes(32), pkce.verifier(), clock.instant(),
                ReturnPath.sanitize(returnTo));
        List<LoginAttempt> pending = attempts.read(headers);
        return Response.seeOther(authorizeUri(attempt.state(), pkce))
                .cookie(attempts.withAttempt(pending, attempt))
                .header("Cache-Control", "no-store")
                .build();
    }

    private URI authorizeUri(String state, PkceChallenge pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", spotify.clientId());
        query.put("response_type", "code");
        query.put("redirect_uri", spotify.redirectUri());
        query.put("scope", SCOPES);
        query.put("state", state);
        query.put("code_challenge_method", PkceChallenge.METHOD);
        query.put("code_challenge", pkce.challenge());
        return URI.create(spotify.authorizeUrl() + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
