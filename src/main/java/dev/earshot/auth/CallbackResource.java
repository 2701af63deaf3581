package dev.earshot.auth;

import dev.earshot.config.SpotifySettings;
import dev.earshot.listening.ListenerProfile;
import dev.earshot.listening.ListenerProfiles;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyAccounts;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.TokenGrant;
import dev.earshot.web.CorrelationId;
import dev.earshot.web.ErrorPage;
import dev.earshot.web.SecurityHeaders;
import dev.earshot.web.SignInRateLimit;
import dev.earshot.web.TooManyRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/callback}: where Spotify sends the browser back. Checks in the order S06 sets
 * (error, then exactly one matching state, only then the code exchange), and on success replaces any
 * session with a new sealed one (S09).
 */
@Path(SpotifySettings.CALLBACK_PATH)
public class CallbackResource {

    private static final Logger LOG = Logger.getLogger(CallbackResource.class);
    private static final int MAX_PARAM_LENGTH = 4096;

    private final SpotifySettings spotify;
    private final SpotifyAccounts accounts;
    private final ListenerProfiles profiles;
    private final LoginAttemptCookie attemptCookie;
    private final SessionCookie sessionCookie;
    private final SignInRateLimit rateLimit;
    private final OwnerSignIns ownerSignIns;
    private final Clock clock;
    private final MeterRegistry metrics;

    CallbackResource(
            SpotifySettings spotify,
            SpotifyAccounts accounts,
            ListenerProfiles profiles,
            LoginAttemptCookie attemptCookie,
            SessionCookie sessionCookie,
            SignInRateLimit rateLimit,
            OwnerSignIns ownerSignIns,
            Clock clock,
            MeterRegistry metrics) {
        this.spotify = spotify;
        this.accounts = accounts;
        this.profiles = profiles;
        this.attemptCookie = attemptCookie;
        this.sessionCookie = sessionCookie;
        this.rateLimit = rateLimit;
        this.ownerSignIns = ownerSignIns;
        this.clock = clock;
        this.metrics = metrics;
    }

    @GET
    public CompletionStage<Response> callback(
            @Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        var wait = rateLimit.check(request);
        if (wait.isPresent()) {
            countSignIn("rate_limited");
            return done(TooManyRequests.page(wait.get()));
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        List<LoginAttempt> attempts = attemptCookie.read(headers);
        Optional<String> state = single(query, "state");
        Optional<LoginAttempt> attempt = state.flatMap(s -> LoginAttemptCookie.matching(attempts, s));
        NewCookie attemptsAfter =
                attempt.map(a -> attemptCookie.without(attempts, a)).orElseGet(attemptCookie::clear);

        if (query.containsKey("error")) {
            countSignIn("access_denied".equals(query.getFirst("error")) ? "cancelled" : "spotify_error");
            return done(spotifyError(query.getFirst("error"), attemptsAfter));
        }
        if (attempt.isEmpty()) {
            countSignIn("invalid_state");
            return done(page(
                    Response.Status.BAD_REQUEST,
                    "This sign-in link isn't valid",
                    "It may have expired, been used already, or been started in another browser. Please sign in again.",
                    attemptsAfter));
        }
        Optional<String> code = single(query, "code");
        if (code.isEmpty()) {
            countSignIn("invalid_state");
            return done(page(
                    Response.Status.BAD_REQUEST,
                    "This sign-in link isn't valid",
                    "Spotify's answer was incomplete. Please sign in again.",
                    attemptsAfter));
        }
        LoginAttempt started = attempt.get();
        return accounts.exchangeCode(code.get(), spotify.redirectUri(), started.verifier())
                .thenCompose(grant -> profiles.of(AccessTokens.fixed(grant.accessToken()))
                        .thenCompose(user -> signIn(grant, user, started, attemptsAfter)))
                .exceptionally(failure -> signInFailed(failure, attemptsAfter));
    }

    private CompletionStage<Response> signIn(
            TokenGrant grant, ListenerProfile user, LoginAttempt attempt, NewCookie attemptsAfter) {
        if (grant.refreshToken() == null || user.id() == null || user.id().isBlank()) {
            throw new SpotifyException.Unavailable("Sign-in answer lacked a refresh token or user id");
        }
        if (attempt.forOwner()) {
            countSignIn("owner");
            return ownerSignIns.completed(grant, user, attemptsAfter);
        }
        Session session = new Session(
                grant.accessToken(),
                grant.refreshToken(),
                grant.expiresAt(),
                clock.instant(),
                user.id(),
                user.displayName(),
                avatar(user),
                Session.newId());
        countSignIn("success");
        return done(Response.seeOther(URI.create(attempt.returnTo()))
                .cookie(sessionCookie.write(session), attemptsAfter)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build());
    }

    private Response signInFailed(Throwable failure, NewCookie attemptsAfter) {
        Throwable cause = SpotifyException.unwrap(failure);
        String reference = CorrelationId.create();
        countSignIn(cause instanceof SpotifyException.Forbidden ? "forbidden" : "failed");
        if (cause instanceof SpotifyException.Forbidden) {
            // Not our failure: a person missing from the app's allow-list (S25: 4xx at INFO, no stack trace).
            LOG.info(ErrorPage.logLine(403, "Spotify refused the sign-in: " + cause.getMessage(), reference));
            return ErrorPage.of(
                            Response.Status.FORBIDDEN,
                            "Spotify didn't let you in",
                            "This Earshot server's Spotify app is in Development Mode, and your Spotify account is not on its list of users. "
                                    + "Ask the person who runs it to add you in the Spotify developer dashboard (at most 5 people).",
                            "/",
                            "Back to the start page",
                            reference)
                    .cookie(attemptsAfter)
                    .header("Cache-Control", "no-store")
                    .build();
        }
        LOG.errorf(cause, "Sign-in failed [ref %s]: %s", reference, cause.getMessage());
        return ErrorPage.of(
                        Response.Status.BAD_GATEWAY,
                        "Spotify sign-in didn't complete",
                        "We couldn't finish signing you in with Spotify. Nothing was saved. Please try again in a moment.",
                        "/login",
                        "Try again",
                        reference)
                .cookie(attemptsAfter)
                .header("Cache-Control", "no-store")
                .build();
    }

    private Response spotifyError(String error, NewCookie attemptsAfter) {
        if ("access_denied".equals(error)) {
            return page(
                    Response.Status.FORBIDDEN,
                    "You cancelled — try again",
                    "You chose not to connect Spotify, so nothing was shared with Earshot. You can sign in whenever you like.",
                    attemptsAfter);
        }
        // error_description is Spotify's (or an attacker's) text: never shown (S07).
        return page(
                Response.Status.BAD_REQUEST,
                "Spotify couldn't sign you in",
                "Spotify ended the sign-in with an error. Please try again.",
                attemptsAfter);
    }

    /** Sign-ins by how they ended: success, owner, cancelled, spotify_error, invalid_state, forbidden, failed, rate_limited. */
    private void countSignIn(String outcome) {
        metrics.counter("earshot.sign.ins", "outcome", outcome).increment();
    }

    private static Response page(Response.Status status, String title, String message, NewCookie attemptsAfter) {
        return ErrorPage.of(status, title, message, "/login", "Sign in with Spotify", null)
                .cookie(attemptsAfter)
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The parameter's value when it occurs exactly once and is of sane size (S06). */
    private static Optional<String> single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.size() != 1) {
            return Optional.empty();
        }
        String value = values.get(0);
        return value == null || value.isBlank() || value.length() > MAX_PARAM_LENGTH
                ? Optional.empty()
                : Optional.of(value);
    }

    /** The smallest profile picture the pages may show (the sandbox's are our own); none otherwise, and the page shows an initial. */
    private String avatar(ListenerProfile user) {
        return user.pictureUrls().stream()
                .filter(url -> spotify.demo() || SecurityHeaders.pagesMayShowImage(url))
                .findFirst()
                .filter(url -> url.length() <= 512)
                .orElse(null);
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
