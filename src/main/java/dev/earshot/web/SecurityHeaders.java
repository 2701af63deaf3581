package dev.earshot.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;

/**
 * Default security headers on every response, static files included (S18). A resource that needs
 * something else (a frameable embed, a cacheable card) sets its own header and that one is kept.
 */
@Singleton
public class SecurityHeaders {

    /** No inline script or style anywhere; Spotify's image CDN for art; nothing may frame us. */
    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy("'none'");

    /** The pages' policy with {@code frameAncestors} as the only thing that differs (the iframe widget's). */
    public static String contentSecurityPolicy(String frameAncestors) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: https://i.scdn.co https://*.scdn.co https://*.spotifycdn.com; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors " + frameAncestors;
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> defaults(context.response().headers()));
            context.next();
        }, 1000);
    }

    static void defaults(MultiMap headers) {
        setIfAbsent(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "Cross-Origin-Opener-Policy", "same-origin");
        setIfAbsent(headers, "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        // Pages show personal data: never stored by browsers or shared caches unless a resource says otherwise.
        setIfAbsent(headers, "Cache-Control", "no-store");
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
