package dev.earshot.auth;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * CSRF check for state-changing requests (S17): the browser's {@code Sec-Fetch-Site} must say
 * same-origin, or, from browsers that do not send it, {@code Origin} must name this host.
 */
public final class SameOriginRequest {

    private SameOriginRequest() {
    }

    public static boolean isSameOrigin(HttpHeaders headers) {
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
            URI originUri = URI.create(origin);
            String originHost = originUri.getPort() == -1 ? originUri.getHost() : originUri.getHost() + ":" + originUri.getPort();
            return host.equalsIgnoreCase(originHost) || host.equalsIgnoreCase(originUri.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
