package dev.earshot.demo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** Authorization codes waiting to be exchanged: in memory, single use, gone after ten minutes. */
@ApplicationScoped
class AuthorizationCodes {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SecureRandom random = new SecureRandom();
    // Bounded, so a script hammering /authorize cannot grow memory without limit.
    private final Cache<String, AuthorizationGrant> pending =
            Caffeine.newBuilder().expireAfterWrite(LIFETIME).maximumSize(10_000).build();

    String issue(AuthorizationGrant grant) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(code, grant);
        return code;
    }

    /** The grant behind {@code code}, removed in the same step, so a second use finds nothing. */
    Optional<AuthorizationGrant> redeem(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(pending.asMap().remove(code));
    }
}
