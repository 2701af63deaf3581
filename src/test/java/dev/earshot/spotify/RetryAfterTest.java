package dev.earshot.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** R02: Retry-After in seconds or as an HTTP date, clamped to 1..300 s, default for garbage. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void r02_seconds() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", NOW));
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", NOW));
    }

    @Test
    void r02_httpDate() {
        String inTwoMinutes =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(120).atOffset(ZoneOffset.UTC));
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse(inTwoMinutes, NOW));
    }

    @Test
    void r02_clampedToOneSecondAtLeast() {
        assertEquals(Duration.ofSeconds(1), RetryAfter.parse("0", NOW));
        String past =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(60).atOffset(ZoneOffset.UTC));
        assertEquals(Duration.ofSeconds(1), RetryAfter.parse(past, NOW));
    }

    @Test
    void r02_clampedToFiveMinutesAtMost() {
        assertEquals(Duration.ofSeconds(300), RetryAfter.parse("86400", NOW), "hours have been seen");
        assertEquals(Duration.ofSeconds(300), RetryAfter.parse("99999999999999999999999", NOW), "overflow");
    }

    @Test
    void r02_missingOrGarbageGetsTheDefault() {
        for (String garbage : new String[] {null, "", "  ", "soon", "-5", "1.5", "Tue, 99 Foo 2026"}) {
            assertEquals(RetryAfter.DEFAULT, RetryAfter.parse(garbage, NOW), String.valueOf(garbage));
        }
    }
}
