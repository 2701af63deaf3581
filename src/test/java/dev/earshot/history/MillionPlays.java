package dev.earshot.history;

import dev.earshot.database.Database;
import dev.earshot.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * The benchmarks' data set: 1,000,000 streams of one listener over five years (2020–2024), 40,000 tracks by 2,000
 * artists in 4,000 albums, skewed towards a few favourites as real listening is; 5 % podcast episodes, 3 %
 * Account-data rows (no URI), a quarter of the streams under 30 s. Seeded, so every run has the same plays.
 */
public final class MillionPlays {

    public static final int STREAMS = 1_000_000;
    static final int TRACKS = 40_000;
    static final int ARTISTS = 2_000;
    static final int BATCH = 10_000;
    public static final Instant FIRST = Instant.parse("2020-01-01T00:00:00Z");
    public static final Instant LAST = Instant.parse("2025-01-01T00:00:00Z");

    private MillionPlays() {}

    /** Inserts the million plays (without rollups); answers how long it took in ms. */
    public static long insert(Database database, String listener) {
        Random random = new Random(42);
        long span = LAST.getEpochSecond() - FIRST.getEpochSecond();
        long started = System.nanoTime();
        for (int from = 0; from < STREAMS; from += BATCH) {
            int first = from;
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(StoredPlays.INSERT)) {
                    for (int i = first; i < first + BATCH; i++) {
                        Instant endedAt = FIRST.plusSeconds(span * i / STREAMS);
                        // Skewed towards the first tracks, as real listening is (a few favourites, a long tail).
                        int track = (int) (TRACKS * Math.pow(random.nextDouble(), 3));
                        boolean episode = random.nextInt(100) < 5;
                        boolean account = !episode && random.nextInt(100) < 3;
                        long ms = random.nextInt(100) < 25 ? random.nextInt(30_000) : 30_000 + random.nextInt(270_000);
                        insert.setString(1, listener);
                        insert.setObject(2, OffsetDateTime.ofInstant(endedAt, ZoneOffset.UTC));
                        insert.setLong(3, ms);
                        insert.setString(4, episode ? "episode" : "track");
                        insert.setString(5, account ? null : (episode ? "spotify:episode:" : "spotify:track:") + track);
                        insert.setString(6, (episode ? "Episode " : "Track ") + track);
                        insert.setString(7, episode ? "Show " + track % 50 : "Artist " + track % ARTISTS);
                        insert.setString(8, "Album " + track / 10);
                        insert.setString(9, account ? "account" : "extended");
                        insert.setString(10, "bench|" + i);
                        insert.addBatch();
                    }
                    return insert.executeBatch();
                }
            });
        }
        long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        analyze(database, "play");
        return ms;
    }

    /** Builds the listener's rollups as the backfill does for plays from before them; answers the time in ms. */
    public static long buildRollups(Database database, String listener) {
        long started = System.nanoTime();
        database.inTransaction(connection -> {
            Rollups.rebuildEverything(connection, listener);
            return null;
        });
        long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        analyze(database, "listening_total");
        analyze(database, "listening_hour");
        return ms;
    }

    /** What autovacuum does after a large write on PostgreSQL; without it the planner believes the table empty. */
    private static void analyze(Database database, String table) {
        if (TestDatabase.postgresql()) {
            database.inTransaction(connection -> {
                try (PreparedStatement analyze = connection.prepareStatement("ANALYZE " + table)) {
                    return analyze.execute();
                }
            });
        }
    }
}
