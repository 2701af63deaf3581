package dev.earshot.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Default security headers on every response, static files included (S18). A resource that needs
 * something else (a frameable embed, a cacheable card) sets its own header and that one is kept.
 */
@Singleton
public class SecurityHeaders {

    /** Spotify's image CDNs: album, show and artist art, and most profile pictures. */
    private static final List<String> SPOTIFY_IMAGE_HOSTS = List.of("i.scdn.co", "*.scdn.co", "*.spotifycdn.com");

    /** No inline script or style anywhere; Spotify's image CDN for art; nothing may frame us. */
    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy("'none'");

    /**
     * Every default as a pre-encoded name and value: written to the wire as a copy of bytes rather than character by
     * character, on every response (issue 13's profile found the long policy among the hottest code of the JSON API).
     */
    private static final List<Header> DEFAULTS = List.of(
            new Header("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            new Header("X-Content-Type-Options", "nosniff"),
            new Header("Referrer-Policy", "no-referrer"),
            new Header("Cross-Origin-Opener-Policy", "same-origin"),
            new Header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
            // Pages show personal data: never stored by browsers or shared caches unless a resource says otherwise.
            new Header("Cache-Control", "no-store"));

    /** The pages' policy with {@code frameAncestors} as the only thing that differs (the iframe widget's). */
    public static String contentSecurityPolicy(String frameAncestors) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: "
                + SPOTIFY_IMAGE_HOSTS.stream().map(host -> "https://" + host).collect(Collectors.joining(" ")) + "; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors " + frameAncestors;
    }

    /**
     * Whether the pages' policy lets a browser show this remote image. Some Spotify profile pictures
     * live on Facebook's hosts; rather than let every page call Facebook, those are left out.
     */
    public static boolean pagesMayShowImage(String url) {
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            return "https".equalsIgnoreCase(uri.getScheme())
                    && host != null
                    && uri.getRawUserInfo() == null
                    && SPOTIFY_IMAGE_HOSTS.stream()
                            .anyMatch(allowed -> allowed.startsWith("*.")
                                    ? host.toLowerCase(Locale.ROOT).endsWith(allowed.substring(1))
                                    : host.equalsIgnoreCase(allowed));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    context.addHeadersEndHandler(
                            ignored -> defaults(context.response().headers()));
                    context.next();
                },
                1000);
    }

    static void defaults(MultiMap headers) {
        for (Header header : DEFAULTS) {
            if (!headers.contains(header.name())) {
                headers.set(header.name(), header.value());
            }
        }
    }

    /** One header, encoded once. */
    private record Header(CharSequence name, CharSequence value) {

        Header(String name, String value) {
            this((CharSequence) HttpHeaders.createOptimized(name), HttpHeaders.createOptimized(value));
        }
    }
}
