package dev.earshot.history;

import java.time.Instant;

/**
 * One stream as the database holds it, column for column, for the export: kind and source as stored, so the
 * export gives back exactly what Earshot has whatever wrote it.
 */
public record StoredStream(
        Instant endedAt,
        long msPlayed,
        String kind,
        String uri,
        String name,
        String artist,
        String album,
        String source) {}
