package dev.earshot.recap;

import dev.earshot.history.BadHistoryQuery;
import java.time.Duration;

/** How long a new share link works: until revoked, or one, seven or thirty days. */
public enum ShareExpiry {
    NEVER("never", null, "until revoked"),
    ONE_DAY("1d", Duration.ofDays(1), "for 1 day"),
    SEVEN_DAYS("7d", Duration.ofDays(7), "for 7 days"),
    THIRTY_DAYS("30d", Duration.ofDays(30), "for 30 days");

    /** The value in forms and JSON. */
    public final String value;
    /** How long it works, or null for until revoked. */
    public final Duration lifetime;

    public final String label;

    ShareExpiry(String value, Duration lifetime, String label) {
        this.value = value;
        this.lifetime = lifetime;
        this.label = label;
    }

    /** The expiry a form or request names; none given means never. */
    public static ShareExpiry parse(String value) {
        if (value == null || value.isEmpty()) {
            return NEVER;
        }
        for (ShareExpiry expiry : values()) {
            if (expiry.value.equals(value)) {
                return expiry;
            }
        }
        throw new BadHistoryQuery("'expires' must be one of never, 1d, 7d or 30d.");
    }
}
