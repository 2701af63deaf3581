package dev.earshot.web;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;

/** The answer when a client address starts sign-ins too fast (S24): 429 with {@code Retry-After}. */
public final class TooManyRequests {

    private TooManyRequests() {
    }

    public static Response page(Duration wait) {
        return ErrorPage.of(429, "Too many sign-in attempts",
                "Please wait a minute before trying to sign in again.", "/", "Go to the start page", null)
                .header("Retry-After", Long.toString(wait.toSeconds()))
                .build();
    }

    /**
     * The rate-limit bucket of the request's client, for callers of {@link SignInRateLimit#check(String)}.
     *
     * @deprecated use {@link SignInRateLimit#check(HttpServerRequest)}; kept, and correct, until the owner's
     *             connect page moves to it.
     */
    @Deprecated
    public static String clientAddress(HttpServerRequest request) {
        return Arc.container().instance(SignInRateLimit.class).get().bucketOf(request);
    }
}
