package dev.earshot.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One sealed cookie holding one JSON value: reads it (a duplicate or anything that does not open is
 * unreadable, never an error: S12, S16), writes it within the 4 KB browsers keep (S14), expires it.
 */
final class SealedCookie<T> {

    /** Browsers drop cookies over 4096 bytes (name, value and attributes' name=value). */
    static final int MAX_BYTES = 4096;

    enum Status {
        ABSENT,
        OPENED,
        UNREADABLE
    }

    record Read<T>(Status status, T value, boolean underOldKey) {}

    private final String baseName;
    private final Class<T> type;
    private final CookiePolicy policy;
    private final CookieSealer sealer;
    private final ObjectMapper json;

    SealedCookie(String baseName, Class<T> type, CookiePolicy policy, CookieSealer sealer, ObjectMapper json) {
        this.baseName = baseName;
        this.type = type;
        this.policy = policy;
        this.sealer = sealer;
        this.json = json;
    }

    Read<T> read(HttpHeaders headers) {
        List<String> values = RequestCookies.valuesOf(headers, policy.name(baseName));
        if (values.isEmpty()) {
            return new Read<>(Status.ABSENT, null, false);
        }
        if (values.size() > 1) {
            return new Read<>(Status.UNREADABLE, null, false);
        }
        return open(values.get(0));
    }

    Read<T> open(String sealedValue) {
        Optional<CookieSealer.Opened> opened = sealer.open(baseName, sealedValue);
        if (opened.isEmpty()) {
            return new Read<>(Status.UNREADABLE, null, false);
        }
        try {
            T value = json.readValue(opened.get().plaintext(), type);
            return value == null
                    ? new Read<>(Status.UNREADABLE, null, false)
                    : new Read<>(Status.OPENED, value, opened.get().underOldKey());
        } catch (IOException e) {
            return new Read<>(Status.UNREADABLE, null, false);
        }
    }

    NewCookie write(T value, Duration maxAge) {
        String sealed;
        try {
            sealed = sealer.seal(baseName, json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cookie value cannot be written as JSON", e);
        }
        String name = policy.name(baseName);
        if (name.length() + 1 + sealed.length() + ATTRIBUTES_BYTES > MAX_BYTES) {
            throw new CookieTooLargeException(name, sealed.length());
        }
        return policy.issue(baseName, sealed, maxAge);
    }

    NewCookie expire() {
        return policy.expire(baseName);
    }

    /** Room for "; Max-Age=...; Path=/; Secure; HttpOnly; SameSite=Lax", which some browsers count too. */
    private static final int ATTRIBUTES_BYTES = 64;
}
