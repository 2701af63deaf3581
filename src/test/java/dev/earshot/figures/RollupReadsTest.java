package dev.earshot.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.database.Database;
import dev.earshot.demo.SampleExport;
import dev.earshot.history.ExportImporter;
import dev.earshot.history.HistoryPeriod;
import dev.earshot.history.PlayRow;
import dev.earshot.history.RollupBuilder;
import dev.earshot.history.StoredPlays;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rollups give exactly what the plays themselves give: for seeded random histories over several years, the
 * totals of random periods in several time zones (rollup core plus edges added or taken away) equal the totals
 * read from table play alone, and so do the hours.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
@Tag("database")
class RollupReadsTest {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("UTC"),
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("Pacific/Pago_Pago"));

    @Inject
    ListeningStore store;

    @Inject
    Database database;

    @Inject
    ExportImporter importer;

    @Inject
    RollupBuilder builder;

    @Test
    void totalsOfAnyPeriodInAnyZoneEqualThoseOfThePlaysThemselves() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String listener = "rollups-" + UUID.randomUUID();
        StoredPlays.insert(listener, randomPlays(random, 3000));
        for (int i = 0; i < 60; i++) {
            HistoryPeriod period = randomPeriod(random);
            Instant start = period.start() == null ? ListeningStore.EARLIEST : period.start();
            Instant end = period.end() == null ? ListeningStore.LATEST : period.end();
            List<EntityTotal> fromRollups = sorted(store.totals(listener, start, end));
            List<EntityTotal> fromPlays =
                    sorted(database.inTransaction(connection -> RawPlays.totals(connection, listener, start, end)));
            assertEquals(
                    withoutTimes(fromPlays),
                    withoutTimes(fromRollups),
                    "seed " + seed + ", period " + period + ": rollups and plays disagree");
            if (period.zone().getRules().getOffset(start).getTotalSeconds() % 3600 == 0) {
                assertEquals(
                        database.inTransaction(connection -> RawPlays.hours(connection, listener, start, end)),
                        store.hours(listener, start, end),
                        "seed " + seed + ", hours of " + period);
            }
        }
    }

    @Test
    void topListsAndDistinctCountsOfAnyPeriodEqualThoseOfThePlaysThemselves() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String listener = "rollups-" + UUID.randomUUID();
        StoredPlays.insert(listener, randomPlays(random, 3000));
        for (int i = 0; i < 80; i++) {
            HistoryPeriod period = i % 3 == 0 ? alignedPeriod(random) : randomPeriod(random);
            Instant start = period.start() == null ? ListeningStore.EARLIEST : period.start();
            Instant end = period.end() == null ? ListeningStore.LATEST : period.end();
            int depth = 1 + random.nextInt(12);
            PeriodTotals fast = store.periodTotals(listener, start, end, depth);
            PeriodTotals plain = PeriodTotals.of(
                    database.inTransaction(connection -> RawPlays.totals(connection, listener, start, end)));
            String what = "seed " + seed + ", period " + period + ", depth " + depth;
            assertEquals(plain.plays(), fast.plays(), what);
            assertEquals(plain.msPlayed(), fast.msPlayed(), what);
            assertEquals(plain.distinct(), fast.distinct(), what);
            for (EntityKind kind : EntityKind.values()) {
                List<EntityTotal> expected = plain.top().get(kind);
                assertEquals(
                        withoutTimes(expected.subList(0, Math.min(depth, expected.size()))),
                        withoutTimes(fast.top().get(kind).subList(0, Math.min(depth, expected.size()))),
                        what + ", top " + kind);
            }
        }
    }

    @Test
    void artistsWithLongNamesOutsideTheBasicPlaneAreFoundAtThePeriodsEdges() {
        // 300 code points, 450 UTF-16 units: the two databases cut the indexed prefix at different places.
        String artist = "\uD83C\uDFB8".repeat(150) + "x".repeat(150);
        String listener = "rollups-" + UUID.randomUUID();
        StoredPlays.insert(
                listener,
                StoredPlays.track("2024-12-31T23:30:00Z", 200_000, "spotify:track:e", "Edge", artist),
                StoredPlays.track("2025-01-15T12:00:00Z", 200_000, "spotify:track:e", "Edge", artist),
                StoredPlays.track("2025-12-31T23:30:00Z", 200_000, "spotify:track:e", "Edge", artist));
        HistoryPeriod year = HistoryPeriod.parse("2025-01-01", "2026-01-01", "Europe/Berlin");
        PeriodTotals fast = store.periodTotals(listener, year.start(), year.end(), 5);
        assertEquals(2, fast.plays(), "the Berlin year holds 23:30 UTC of 31 December 2024, not of 2025");
        assertEquals(2, fast.top().get(EntityKind.ARTIST).get(0).plays());
        assertEquals(1, fast.distinct().get(EntityKind.TRACK));
        EntityTotal.Key key = new EntityTotal.Key(EntityKind.ARTIST, null, artist);
        assertEquals(
                Instant.parse("2024-12-31T23:30:00Z"),
                store.firstPlays(listener, List.of(key)).get(key));
    }

    @Test
    void anImportLeavesRollupsThatAgreeWithItsPlays() throws Exception {
        String listener = "rollups-" + UUID.randomUUID();
        Path zip = Files.createTempFile("sample-export", ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            SampleExport.write(out, SampleExport.DEMO_SEED, 3000);
        }
        importer.importAll(listener, List.of(new ExportImporter.Upload("my_spotify_data.zip", zip)));
        Files.delete(zip);
        // The import woke the builder; a round here waits for one in progress and does what is left.
        builder.round();
        assertTrue(
                database.inTransaction(connection -> RollupState.of(connection, listener))
                        .usable(),
                "the builder rebuilt every month the import marked");
        for (HistoryPeriod period :
                List.of(HistoryPeriod.allTime(), HistoryPeriod.parse("2025-01-01", "2026-01-01", "Europe/Berlin"))) {
            Instant start = period.start() == null ? ListeningStore.EARLIEST : period.start();
            Instant end = period.end() == null ? ListeningStore.LATEST : period.end();
            assertEquals(
                    withoutTimes(sorted(
                            database.inTransaction(connection -> RawPlays.totals(connection, listener, start, end)))),
                    withoutTimes(sorted(store.totals(listener, start, end))),
                    "totals of " + period);
        }
        assertTrue(store.allTime(listener, EntityKind.ARTIST).size() > 10);
    }

    @Test
    void allTimeAndYearsCarryTheFirstAndLastPlay() {
        String listener = "rollups-" + UUID.randomUUID();
        StoredPlays.insert(
                listener,
                StoredPlays.track("2023-05-01T10:00:00Z", 200_000, "spotify:track:a", "Song", "Band"),
                StoredPlays.track("2024-02-01T10:00:00Z", 10_000, "spotify:track:a", "Song", "Band"),
                StoredPlays.track("2025-07-01T10:00:00Z", 200_000, "spotify:track:a", "Song", "Band"));
        EntityTotal band = store.artist(listener, "Band").orElseThrow();
        assertEquals(2, band.plays());
        assertEquals(410_000, band.msPlayed());
        assertEquals(Instant.parse("2023-05-01T10:00:00Z"), band.firstPlay());
        assertEquals(Instant.parse("2025-07-01T10:00:00Z"), band.lastPlay());
        assertEquals(1, store.year(listener, 2024, EntityKind.TRACK).size());
        assertEquals(0, store.year(listener, 2024, EntityKind.TRACK).get(0).plays());
        assertTrue(store.year(listener, 2022, EntityKind.TRACK).isEmpty());
    }

    @Test
    void aListenerWithoutRollupsIsReadFromThePlays() {
        String listener = "rollups-" + UUID.randomUUID();
        StoredPlays.insertWithoutRollups(
                listener, List.of(StoredPlays.track("2024-02-01T10:00:00Z", 200_000, "spotify:track:a", "S", "B")));
        assertEquals(1, store.allTime(listener, EntityKind.ARTIST).size());
        assertEquals(
                1,
                store.hours(listener, ListeningStore.EARLIEST, ListeningStore.LATEST)
                        .size());
    }

    private static List<PlayRow> randomPlays(Random random, int count) {
        Instant first = Instant.parse("2022-11-15T00:00:00Z");
        long span = Instant.parse("2025-02-10T00:00:00Z").getEpochSecond() - first.getEpochSecond();
        List<PlayRow> plays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant ended = first.plusSeconds((long) (random.nextDouble() * span));
            int track = random.nextInt(40);
            long ms = random.nextInt(4) == 0 ? random.nextInt(30_000) : 30_000 + random.nextInt(200_000);
            String artist = track % 7 == 0 ? null : "Artist " + track % 9;
            String album = track % 5 == 0 ? null : "Album " + track / 3;
            plays.add(new PlayRow(
                    ended,
                    ms,
                    PlayRow.Kind.TRACK,
                    "spotify:track:" + track,
                    "Track " + track,
                    artist,
                    album,
                    PlayRow.Source.EXTENDED));
        }
        return plays;
    }

    private static HistoryPeriod randomPeriod(Random random) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        switch (random.nextInt(5)) {
            case 0:
                return new HistoryPeriod(null, null, zone);
            case 1: {
                int year = 2022 + random.nextInt(4);
                return new HistoryPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), zone);
            }
            case 2: {
                LocalDate month = LocalDate.of(2022 + random.nextInt(4), 1 + random.nextInt(12), 1);
                return new HistoryPeriod(month, month.plusMonths(1 + random.nextInt(20)), zone);
            }
            case 3:
                return new HistoryPeriod(
                        LocalDate.of(2022 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        null,
                        zone);
            default: {
                LocalDate from = LocalDate.of(2022, 10, 1).plusDays(random.nextInt(900));
                return new HistoryPeriod(from, from.plusDays(1 + random.nextInt(500)), zone);
            }
        }
    }

    /** A month, a year or all time in some zone: the periods read from one rollup span. */
    private static HistoryPeriod alignedPeriod(Random random) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        LocalDate month = LocalDate.of(2022 + random.nextInt(4), 1 + random.nextInt(12), 1);
        return switch (random.nextInt(3)) {
            case 0 -> new HistoryPeriod(month, month.plusMonths(1), zone);
            case 1 -> new HistoryPeriod(month.withMonth(1), month.withMonth(1).plusYears(1), zone);
            default -> new HistoryPeriod(null, null, zone);
        };
    }

    private static List<EntityTotal> sorted(List<EntityTotal> totals) {
        return totals.stream()
                .sorted(Comparator.comparing((EntityTotal total) -> total.kind())
                        .thenComparing(EntityTotal::artist, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(EntityTotal::name))
                .toList();
    }

    /** First and last play of a total with an edge taken away are wider than the plays'; compare the rest. */
    private static List<String> withoutTimes(List<EntityTotal> totals) {
        return totals.stream()
                .map(total -> total.kind() + "|" + total.artist() + "|" + total.name() + "|" + total.plays() + "|"
                        + total.msPlayed())
                .toList();
    }
}
