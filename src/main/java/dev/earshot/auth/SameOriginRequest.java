package dev.earshot.auth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;

/**
 * CSRF check for state-changing requests (S17): the browser's {@code Sec-Fetch-Site} must say
 * same-origin, or, from browsers that do not send it, {@code Origin} must be this site's origin —
 * scheme, host and port alike, so {@code https://} from a page served over http is another origin.
 */
public final class SameOriginRequest {

    private SameOriginRequest() {}

    /** {@code request} gives the scheme the request arrived with (forwarded by a trusted proxy where configured). */
    public static boolean isSameOrigin(HttpHeaders headers, UriInfo request) {
        String fetchSite = headers.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null) {
            return "same-origin".equals(fetchSite);
        }
        String origin = headers.getHeaderString("Origin");
        String host = headers.getHeaderString("Host");
        if (origin == null || host == null || "null".equals(origin)) {
            return false;
        }
        try {
            URI claimed = URI.create(origin);
            URI own = URI.create(request.getBaseUri().getScheme() + "://" + host);
            return claimed.getScheme() != null
                    && claimed.getHost() != null
                    && claimed.getScheme().equalsIgnoreCase(own.getScheme())
                    && claimed.getHost().equalsIgnoreCase(own.getHost())
                    && port(claimed) == port(own);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }
}
