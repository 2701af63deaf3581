package dev.earshot.spotify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header tolerantly (R02): seconds or an HTTP date, clamped to a sane
 * range, with a short default for anything missing or unreadable. Spotify has sent values of hours.
 */
public final class RetryAfter {

    public static final Duration MIN = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofSeconds(300);
    public static final Duration DEFAULT = Duration.ofSeconds(5);

    private RetryAfter() {}

    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            // Very long digit strings overflow a long: they are "a very long time", so clamp to MAX.
            return value.length() > 9 ? MAX : clamp(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return clamp(Duration.between(now, at));
        } catch (DateTimeParseException e) {
            return DEFAULT;
        }
    }

    private static Duration clamp(Duration duration) {
        if (duration.compareTo(MIN) < 0) {
            return MIN;
        }
        return duration.compareTo(MAX) > 0 ? MAX : duration;
    }
}
