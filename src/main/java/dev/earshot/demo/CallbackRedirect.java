package dev.earshot.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds the redirect back to the app: its redirect URI plus the answer's query parameters. */
record CallbackRedirect(String redirectUri) {

    /** {@code redirectUri} with {@code parameters} appended in order; empty values (no state) are left out. */
    URI with(Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = redirectUri.indexOf('?') < 0 ? '?' : '&';
        if (redirectUri.endsWith("?") || redirectUri.endsWith("&")) {
            separator = 0;
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue().isEmpty()) {
                continue;
            }
            if (separator != 0) {
                uri.append(separator);
            }
            uri.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private static String encode(String value) {
        // URLEncoder writes spaces as '+', which only form decoding understands; %20 is safe everywhere.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
