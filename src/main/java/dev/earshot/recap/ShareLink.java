package dev.earshot.recap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A share link as its owner sees it in their list — never its secret id, which only its creator saw once.
 *
 * @param handle the non-secret name to revoke it by: the first hex characters of its digest and its row id
 * @param expiresAt when it stops working, or null for never
 */
public record ShareLink(String handle, ShareKind kind, RecapPeriod period, Instant createdAt, Instant expiresAt) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** "Recap of 2025" or "History of 1 Mar 2025 – 31 Mar 2025". */
    public String description() {
        return (kind == ShareKind.RECAP ? "Recap of " : "History of ") + period.label();
    }

    public String createdText() {
        return DAY.format(createdAt);
    }

    public String expiryText() {
        return expiresAt == null ? "works until revoked" : "works until " + DAY.format(expiresAt);
    }
}
