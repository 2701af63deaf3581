package dev.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Times as the page shows them. */
class ListeningFormatsTest {

    @Test
    void clockShowsMinutesAndSecondsOrHoursForLongEpisodes() {
        assertEquals("0:00", ListeningFormats.clock(0));
        assertEquals("0:00", ListeningFormats.clock(-5));
        assertEquals("3:07", ListeningFormats.clock(187_999));
        assertEquals("1:02:01", ListeningFormats.clock(3_721_000));
    }

    @Test
    void agoReadsLikeAPerson() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        assertEquals("just now", ListeningFormats.agoAt(now.minusSeconds(20), now));
        assertEquals("3 min ago", ListeningFormats.agoAt(now.minusSeconds(200), now));
        assertEquals("1 hour ago", ListeningFormats.agoAt(now.minusSeconds(3700), now));
        assertEquals("5 hours ago", ListeningFormats.agoAt(now.minusSeconds(5 * 3600), now));
        assertEquals("2 days ago", ListeningFormats.agoAt(now.minusSeconds(2 * 86_400 + 5), now));
        assertEquals("just now", ListeningFormats.agoAt(now.plusSeconds(30), now), "clock skew");
    }
}
