package dev.earshot.web;

import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** The answer when a client address starts sign-ins too fast (S24): 429 with {@code Retry-After}. */
public final class TooManyRequests {

    private TooManyRequests() {}

    public static Response page(Duration wait) {
        return ErrorPage.of(
                        429,
                        "Too many sign-in attempts",
                        "Please wait a minute before trying to sign in again.",
                        "/",
                        "Go to the start page",
                        null)
                .header("Retry-After", Long.toString(wait.toSeconds()))
                .build();
    }
}
