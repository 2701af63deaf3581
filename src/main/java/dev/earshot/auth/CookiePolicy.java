package dev.earshot.auth;

import dev.earshot.config.CookieConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.Date;

/**
 * The attributes every Earshot cookie gets (S11): HttpOnly, Path=/, no Domain, SameSite=Lax, and in
 * production Secure with the {@code __Host-} prefix. {@code EARSHOT_SECURE_COOKIES=false} drops the
 * last two for plain http on 127.0.0.1.
 */
@ApplicationScoped
public class CookiePolicy {

    private final boolean secure;

    CookiePolicy(CookieConfig config) {
        this.secure = config.secureCookies();
    }

    public String name(String baseName) {
        return secure ? "__Host-" + baseName : baseName;
    }

    public NewCookie issue(String baseName, String value, Duration maxAge) {
        return builder(baseName, value)
                .maxAge((int) Math.max(0, Math.min(Integer.MAX_VALUE, maxAge.toSeconds())))
                .build();
    }

    /** Expires the cookie with the same attributes it was set with, so the browser really drops it (S17). */
    public NewCookie expire(String baseName) {
        return builder(baseName, "").maxAge(0).expiry(new Date(0)).build();
    }

    private NewCookie.Builder builder(String baseName, String value) {
        return new NewCookie.Builder(name(baseName))
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
