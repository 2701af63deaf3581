package dev.earshot.auth;

import dev.earshot.config.SpotifySettings;
import dev.earshot.web.ErrorPage;
import dev.earshot.web.UrlSafeRandom;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts a sign-in (S01–S05): a fresh state and PKCE pair sealed into the login-attempt cookie, and
 * the redirect to Spotify's authorize page with the configured redirect URI and minimal scopes.
 */
@ApplicationScoped
public class SignInStarter {

    /** Only what the features need (S05). */
    public static final String SCOPES = "user-read-currently-playing user-read-recently-played user-top-read";

    private final SpotifySettings spotify;
    private final LoginAttemptCookie attempts;
    private final Clock clock;

    SignInStarter(SpotifySettings spotify, LoginAttemptCookie attempts, Clock clock) {
        this.spotify = spotify;
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * The redirect to Spotify. {@code forOwner} marks a sign-in whose tokens become the owner's
     * account instead of a session; only callers that checked the person may run the server set it.
     */
    public Response start(HttpHeaders headers, String returnTo, boolean forOwner) {
        var problem = spotify.redirectUriProblem();
        if (problem.isPresent()) {
            // Spotify would only show its own error page: say what is wrong, and who can fix it, here.
            return ErrorPage.of(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "Sign-in is not set up correctly",
                            "This Earshot cannot sign you in yet: " + problem.get()
                                    + ". Whoever runs it needs to fix this setting.",
                            "/",
                            "Back to the start page",
                            null)
                    .header("Cache-Control", "no-store")
                    .build();
        }
        PkceChallenge pkce = PkceChallenge.create();
        LoginAttempt attempt = new LoginAttempt(
                UrlSafeRandom.ofBytes(32), pkce.verifier(), clock.instant(), ReturnPath.sanitize(returnTo), forOwner);
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
        return URI.create(spotify.authorizeUrl() + "?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&")));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
