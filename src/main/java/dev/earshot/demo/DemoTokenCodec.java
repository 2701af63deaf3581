package dev.earshot.demo;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns {@link DemoToken}s into opaque bearer strings and back, refusing anything it did not seal.
 * Format: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}.
 */
@Singleton
final class DemoTokenCodec {

    // A fixed key is enough: the sandbox guards sample data only, and a fixed key keeps tokens valid
    // across dev-mode reloads and restarts.
    private static final byte[] KEY = SandboxDigest.sha256("earshot demo sandbox token key v1");
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String seal(DemoToken token) {
        // Scopes go last so no scope text, however odd, can shift the fields before it.
        String payload = String.join(
                "|",
                VERSION,
                token.kind().name(),
                Long.toString(token.signedInAt().toEpochMilli()),
                Long.toString(token.expiresAt().toEpochMilli()),
                token.nonce(),
                String.join(" ", token.scopes()));
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(mac(payloadBytes));
    }

    /** The token sealed in {@code sealed}, or empty when it is malformed or was not sealed here. Expiry is the caller's call. */
    Optional<DemoToken> open(String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] payloadBytes = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(mac(payloadBytes), DECODER.decode(parts[1]))) {
                return Optional.empty();
            }
            String[] fields = new String(payloadBytes, StandardCharsets.UTF_8).split("\\|", 6);
            if (fields.length != 6 || !VERSION.equals(fields[0])) {
                return Optional.empty();
            }
            Set<String> scopes = new LinkedHashSet<>(Arrays.asList(fields[5].split(" ")));
            scopes.remove("");
            return Optional.of(new DemoToken(
                    DemoToken.Kind.valueOf(fields[1]),
                    Instant.ofEpochMilli(Long.parseLong(fields[2])),
                    Instant.ofEpochMilli(Long.parseLong(fields[3])),
                    scopes,
                    fields[4]));
        } catch (IllegalArgumentException e) {
            // Bad base64, an unknown kind or a non-number: not one of ours.
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
