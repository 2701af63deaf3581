package dev.earshot.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientLogger;

/**
 * The REST client's traffic log, for when a deployer turns it on ({@code quarkus.rest-client.logging.scope=
 * request-response}): like Quarkus's own, but token, code, verifier and secret values in bodies and URLs
 * are masked, as are credential headers (S21). Quarkus's default logs the token exchange verbatim.
 */
@ApplicationScoped
public class RedactingClientLogger implements ClientLogger {

    private static final Logger LOG = Logger.getLogger(RedactingClientLogger.class);
    private static final String MASK = "<hidden>";
    /** OAuth form fields and JSON properties whose values are secrets, as {@code name=value} or {@code "name":"value"}. */
    private static final Pattern SECRET_VALUES = Pattern.compile(
            "(?i)((?<![A-Za-z0-9_])\"?(?:access_token|refresh_token|id_token|code|code_verifier|client_secret|client_assertion|password)\"?"
                    + "\\s*[=:]\\s*\"?)[^\"&,\\s}]+");

    private static final Set<String> ALWAYS_MASKED =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private volatile int bodySize = 100;
    private volatile Set<String> maskedHeaders = ALWAYS_MASKED;

    @Override
    public void setBodySize(int bodySize) {
        this.bodySize = bodySize;
    }

    @Override
    public void setMaskedHeaders(Set<String> headers) {
        Set<String> masked = new HashSet<>(ALWAYS_MASKED);
        headers.forEach(header -> masked.add(header.toLowerCase(Locale.ROOT)));
        this.maskedHeaders = Set.copyOf(masked);
    }

    @Override
    public void logRequest(HttpClientRequest request, Buffer body, boolean omitBody) {
        LOG.infof(
                "Request: %s %s Headers[%s], Body:%n%s",
                request.getMethod(),
                redact(request.absoluteURI()),
                headers(request.headers()),
                omitBody ? "(omitted)" : body(body));
    }

    @Override
    public void logResponse(HttpClientResponse response, boolean redirect) {
        String head = "Response: " + response.request().getMethod() + " "
                + redact(response.request().absoluteURI()) + ", Status[" + response.statusCode() + " "
                + response.statusMessage() + "], Headers[" + headers(response.headers()) + "]";
        if (redirect) {
            LOG.info(head);
            return;
        }
        response.bodyHandler(body -> LOG.infof("%s, Body:%n%s", head, body(body)));
    }

    private String body(Buffer body) {
        if (body == null || body.length() == 0) {
            return "(empty)";
        }
        String redacted = redact(body.toString());
        return redacted.substring(0, Math.min(Math.max(bodySize, 0), redacted.length()));
    }

    private String headers(MultiMap headers) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> header : headers) {
            boolean masked = maskedHeaders.contains(header.getKey().toLowerCase(Locale.ROOT));
            text.append(header.getKey())
                    .append('=')
                    .append(masked ? MASK : redact(header.getValue()))
                    .append(' ');
        }
        return text.toString().trim();
    }

    static String redact(String text) {
        return SECRET_VALUES.matcher(text).replaceAll("$1" + MASK);
    }
}
