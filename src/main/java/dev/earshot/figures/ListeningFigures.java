package dev.earshot.figures;

import dev.earshot.history.HistoryPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure the history pages and the recap show, read from the database only (never Spotify): a period's
 * totals and top lists compared with the period before, the calendar, the listening clock, streaks, discoveries
 * and one artist's story. Music only: podcast episodes are not counted here.
 */
@ApplicationScoped
public class ListeningFigures {

    /** How many top artists of each earlier year may become forgotten favourites. */
    static final int FAVOURITES_PER_YEAR = 10;

    /** How deep the previous period is ranked: a line below this there counts as not in its top (previousRank 0). */
    static final int PREVIOUS_RANKS = 100;

    private final ListeningStore store;

    ListeningFigures(ListeningStore store) {
        this.store = store;
    }

    /** When the listener's music history starts and ends, or empty when there is none. */
    public Optional<HistorySpan> span(String listenerId) {
        return store.span(listenerId);
    }

    /** The period's figures with top lists of up to {@code limit} lines, compared with the period before. */
    public PeriodFigures period(String listenerId, HistoryPeriod period, int limit) {
        HistoryPeriod previousPeriod = PreviousPeriod.of(period);
        PeriodTotals previousTotals = previousPeriod == null
                ? null
                : store.periodTotals(
                        listenerId, start(previousPeriod), end(previousPeriod), Math.max(limit, PREVIOUS_RANKS));
        PeriodTotals totals = store.periodTotals(listenerId, start(period), end(period), limit);
        List<EntityTotal.Key> shown = new ArrayList<>();
        for (PeriodTotals some : java.util.Arrays.asList(previousTotals, totals)) {
            if (some != null) {
                for (List<EntityTotal> ranked : some.top().values()) {
                    ranked.stream().limit(limit).forEach(total -> shown.add(total.key()));
                }
            }
        }
        Map<EntityTotal.Key, Instant> firstPlays = store.firstPlays(listenerId, shown);
        PeriodFigures previous = previousPeriod == null
                ? null
                : figures(previousPeriod, previousTotals, Map.of(), firstPlays, limit, null);
        return figures(
                period,
                totals,
                previousTotals == null ? Map.of() : ranksOf(previousTotals),
                firstPlays,
                limit,
                previous);
    }

    /** Listening per local day of the period, days without any left out. */
    public List<DayTotal> days(String listenerId, HistoryPeriod period) {
        return LocalDays.of(store.hours(listenerId, start(period), end(period)), period.zone());
    }

    /** Plays by hour and day of week in the period, in the period's time zone. */
    public ListeningClock clock(String listenerId, HistoryPeriod period) {
        return LocalDays.clock(store.hours(listenerId, start(period), end(period)), period.zone());
    }

    /** The longest run of listening days in the period, and the run that reaches {@code now}. */
    public Streaks streaks(String listenerId, HistoryPeriod period, Instant now) {
        ZoneId zone = period.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Streaks inPeriod = LocalDays.streaks(days(listenerId, period), today);
        List<DayTotal> upToNow =
                LocalDays.of(store.hours(listenerId, ListeningStore.EARLIEST, now.plusSeconds(1)), zone);
        Streaks current = LocalDays.streaks(upToNow, today);
        return new Streaks(inPeriod.longest(), inPeriod.longestFrom(), inPeriod.longestTo(), current.current());
    }

    /** Artists first heard in the period (up to {@code limit}), and forgotten favourites of earlier years. */
    public Discovery discovery(String listenerId, HistoryPeriod period, int limit) {
        Instant start = start(period);
        Instant end = end(period);
        List<EntityTotal> allArtists = Rankings.ranked(store.allTime(listenerId, EntityKind.ARTIST), EntityKind.ARTIST);
        Map<EntityTotal.Key, EntityTotal> inPeriod = byKey(store.totals(listenerId, start, end, EntityKind.ARTIST));
        List<EntityTotal> firstHeard = new ArrayList<>();
        for (EntityTotal artist : allArtists) {
            if (within(artist.firstPlay(), start, end)) {
                firstHeard.add(inPeriod.getOrDefault(artist.key(), artist));
            }
        }
        firstHeard.sort(Rankings.ORDER);
        List<Ranked> shown = new ArrayList<>();
        for (EntityTotal artist : firstHeard.subList(0, Math.min(limit, firstHeard.size()))) {
            shown.add(ranked(shown.size() + 1, artist, 0, artist.firstPlay(), true));
        }
        return new Discovery(firstHeard.size(), shown, forgotten(listenerId, allArtists, end, limit));
    }

    /** One artist's story, all time, with up to {@code limit} top tracks; empty when never streamed. */
    public Optional<ArtistFigures> artist(String listenerId, String name, int limit) {
        Optional<EntityTotal> found = store.artist(listenerId, name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        EntityTotal artist = found.get();
        List<Ranked> topTracks = new ArrayList<>();
        for (EntityTotal track : Rankings.ranked(store.tracksOf(listenerId, name), EntityKind.TRACK)) {
            if (topTracks.size() == limit) {
                break;
            }
            topTracks.add(ranked(topTracks.size() + 1, track, 0, track.firstPlay(), false));
        }
        return Optional.of(new ArtistFigures(
                name,
                artist.plays(),
                artist.msPlayed(),
                artist.firstPlay(),
                artist.lastPlay(),
                store.artistMonths(listenerId, name),
                topTracks));
    }

    private List<Discovery.ForgottenFavourite> forgotten(
            String listenerId, List<EntityTotal> allArtists, Instant end, int limit) {
        if (allArtists.isEmpty()) {
            return List.of();
        }
        Map<EntityTotal.Key, EntityTotal> everArtist = byKey(allArtists);
        int firstYear = allArtists.stream()
                .map(EntityTotal::firstPlay)
                .filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(first -> first.atZone(ZoneOffset.UTC).getYear())
                .orElse(0);
        int lastYear = end.atZone(ZoneOffset.UTC).getYear() - 1;
        List<Discovery.ForgottenFavourite> forgotten = new ArrayList<>();
        for (int year = lastYear; year >= firstYear && forgotten.size() < limit; year--) {
            Instant yearEnds = LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
            List<EntityTotal> top = Rankings.ranked(store.year(listenerId, year, EntityKind.ARTIST), EntityKind.ARTIST);
            for (int i = 0; i < Math.min(FAVOURITES_PER_YEAR, top.size()) && forgotten.size() < limit; i++) {
                EntityTotal artist = top.get(i);
                Instant lastPlay = everArtist.get(artist.key()).lastPlay();
                if (lastPlay != null && lastPlay.isBefore(yearEnds)) {
                    forgotten.add(
                            new Discovery.ForgottenFavourite(artist.name(), year, i + 1, artist.plays(), lastPlay));
                }
            }
        }
        return forgotten;
    }

    private static PeriodFigures figures(
            HistoryPeriod period,
            PeriodTotals totals,
            Map<EntityTotal.Key, Integer> previousRanks,
            Map<EntityTotal.Key, Instant> firstPlays,
            int limit,
            PeriodFigures previous) {
        Instant start = period.start();
        Instant end = period.end();
        return new PeriodFigures(
                period,
                totals.plays(),
                totals.msPlayed(),
                totals.distinct().get(EntityKind.ARTIST),
                totals.distinct().get(EntityKind.TRACK),
                totals.distinct().get(EntityKind.ALBUM),
                top(totals.top().get(EntityKind.ARTIST), previousRanks, firstPlays, start, end, limit),
                top(totals.top().get(EntityKind.TRACK), previousRanks, firstPlays, start, end, limit),
                top(totals.top().get(EntityKind.ALBUM), previousRanks, firstPlays, start, end, limit),
                previous);
    }

    private static List<Ranked> top(
            List<EntityTotal> ranked,
            Map<EntityTotal.Key, Integer> previousRanks,
            Map<EntityTotal.Key, Instant> firstPlays,
            Instant start,
            Instant end,
            int limit) {
        List<Ranked> top = new ArrayList<>();
        for (EntityTotal total : ranked.subList(0, Math.min(limit, ranked.size()))) {
            Instant firstEver = firstPlays.get(total.key());
            boolean isNew = firstEver != null && within(firstEver, start, end) && start != null;
            top.add(ranked(top.size() + 1, total, previousRanks.getOrDefault(total.key(), 0), firstEver, isNew));
        }
        return top;
    }

    private static Ranked ranked(int rank, EntityTotal total, int previousRank, Instant firstEver, boolean isNew) {
        return new Ranked(
                rank,
                total.kind(),
                total.name(),
                total.artist(),
                total.plays(),
                total.msPlayed(),
                previousRank,
                firstEver,
                isNew);
    }

    private static Map<EntityTotal.Key, Integer> ranksOf(PeriodTotals totals) {
        Map<EntityTotal.Key, Integer> ranks = new HashMap<>();
        for (List<EntityTotal> ranked : totals.top().values()) {
            ranks.putAll(Rankings.ranks(ranked));
        }
        return ranks;
    }

    private static Map<EntityTotal.Key, EntityTotal> byKey(List<EntityTotal> totals) {
        Map<EntityTotal.Key, EntityTotal> byKey = new HashMap<>();
        for (EntityTotal total : totals) {
            byKey.put(total.key(), total);
        }
        return byKey;
    }

    private static boolean within(Instant instant, Instant start, Instant end) {
        return instant != null && (start == null || !instant.isBefore(start)) && (end == null || instant.isBefore(end));
    }

    private static Instant start(HistoryPeriod period) {
        return period.start() == null ? ListeningStore.EARLIEST : period.start();
    }

    private static Instant end(HistoryPeriod period) {
        return period.end() == null ? ListeningStore.LATEST : period.end();
    }
}
