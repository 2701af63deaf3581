package dev.earshot.historypages;

import dev.earshot.auth.RequestCookies;
import dev.earshot.history.HistoryPeriod;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The time zone a history page shows its times in: the {@code tz} query parameter first (checked by
 * {@link HistoryPeriod#parse}), then the zone the browser reported in the {@value #COOKIE} cookie, else UTC. A
 * cookie Earshot cannot read is ignored rather than refused: the browser wrote it, not the listener.
 */
public final class ViewerZone {

    /** Set by {@code /js/timezone.js}: the browser's IANA zone. Not a secret, so neither sealed nor HttpOnly. */
    public static final String COOKIE = "earshot_tz";

    private ViewerZone() {}

    /** The zone name to hand to {@link HistoryPeriod#parse}: the parameter when given, else the cookie's or UTC. */
    public static String of(String tzParameter, HttpHeaders headers) {
        if (tzParameter != null && !tzParameter.isEmpty()) {
            return tzParameter;
        }
        for (String value : RequestCookies.valuesOf(headers, COOKIE)) {
            ZoneId zone = readable(value);
            if (zone != null) {
                return zone.getId();
            }
        }
        return HistoryPeriod.UTC.getId();
    }

    private static ZoneId readable(String value) {
        // Region ids only (Europe/Berlin, UTC): offsets such as +02:00 are not what a browser reports.
        if (value == null || value.isEmpty() || value.length() > 64 || !value.matches("[A-Za-z0-9_+\\-/]+")) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
