package dev.earshot.auth;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads cookies from the raw {@code Cookie} headers. The JAX-RS cookie map keeps one value per name,
 * which would hide a tossed duplicate (S16); this keeps them all.
 */
public final class RequestCookies {

    private RequestCookies() {}

    public static List<String> valuesOf(HttpHeaders headers, String name) {
        List<String> values = new ArrayList<>();
        List<String> cookieHeaders = headers.getRequestHeader(HttpHeaders.COOKIE);
        if (cookieHeaders == null) {
            return values;
        }
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                    String value = pair.substring(equals + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    values.add(value);
                }
            }
        }
        return values;
    }
}
