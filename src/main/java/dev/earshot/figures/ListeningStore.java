package dev.earshot.figures;

import dev.earshot.database.Database;
import dev.earshot.history.Rollups;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database side of the figures: totals and hours of a listener's music over any stretch of time, read from
 * the rollups (migration V5) where they line up with the stretch and from table {@code play} at its edges, so a
 * year of a million-play history reads one year's rows plus a few hours of plays. A listener without rollups
 * (plays from before V5 not yet built by {@code RollupBackfill}) is read from table {@code play} alone.
 */
@ApplicationScoped
public class ListeningStore {

    /** Before and after any stream Spotify can have recorded; both are month boundaries. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private static final YearMonth FIRST_MONTH = YearMonth.of(1900, 1);
    private static final YearMonth LAST_MONTH = YearMonth.of(9999, 1);

    private static final String TOTALS = "SELECT kind, artist, name, plays, ms_played, first_play, last_play"
            + " FROM listening_total WHERE listener_id = ? AND span = ? AND span_key >= ? AND span_key <= ?";

    private static final String OF_ARTIST = "SELECT kind, artist, name, plays, ms_played, first_play, last_play"
            + " FROM listening_total WHERE listener_id = ? AND span = 'all' AND kind = ?"
            + " AND artist_prefix = LEFT(?, 200) AND artist = ?";

    private final Database database;
    private final ArtistPrefix prefix;

    ListeningStore(Database database) {
        this.database = database;
        this.prefix = ArtistPrefix.of(database.isPostgreSQL());
    }

    /** The first and last stream of a track, or empty when the listener has none. */
    public Optional<HistorySpan> span(String listenerId) {
        return database.inTransaction(connection -> {
            if (!RollupState.of(connection, listenerId).usable()) {
                return RawPlays.span(connection, listenerId, EARLIEST, LATEST);
            }
            // The first and last hour with music, from the hours' primary key; then the exact ends within them.
            Long firstHour = RollupReads.edgeHour(connection, listenerId, true);
            Long lastHour = RollupReads.edgeHour(connection, listenerId, false);
            if (firstHour == null || lastHour == null) {
                return Optional.<HistorySpan>empty();
            }
            Optional<HistorySpan> first = RawPlays.span(
                    connection,
                    listenerId,
                    new HourCell(firstHour, 0, 0).start(),
                    new HourCell(firstHour + 1, 0, 0).start());
            Optional<HistorySpan> last = RawPlays.span(
                    connection,
                    listenerId,
                    new HourCell(lastHour, 0, 0).start(),
                    new HourCell(lastHour + 1, 0, 0).start());
            if (first.isEmpty() || last.isEmpty()) {
                return RawPlays.span(connection, listenerId, EARLIEST, LATEST);
            }
            return Optional.of(new HistorySpan(first.get().first(), last.get().last()));
        });
    }

    /** Every track, artist and album streamed in [start, end), added up. */
    public List<EntityTotal> totals(String listenerId, Instant start, Instant end) {
        return database.inTransaction(connection -> totals(connection, listenerId, start, end, null));
    }

    /** Every track, artist or album (by {@code kind}) streamed in [start, end), added up. */
    public List<EntityTotal> totals(String listenerId, Instant start, Instant end, EntityKind kind) {
        return database.inTransaction(connection -> totals(connection, listenerId, start, end, kind));
    }

    /**
     * A period's totals with at least {@code depth} best lines of each kind. When the period is one month, one
     * year or all time give or take its edges, the top lines and distinct counts come from the rank index of that
     * one rollup, corrected for the few lines the edges touch; otherwise every total is added up.
     */
    PeriodTotals periodTotals(String listenerId, Instant start, Instant end, int depth) {
        return database.inTransaction(connection -> {
            RollupState state = RollupState.of(connection, listenerId);
            YearMonth first = nearestMonth(start);
            YearMonth last = nearestMonth(end);
            RollupSpan span = state.usable() && first.isBefore(last) ? RollupSpan.covering(first, last) : null;
            if (span == null) {
                return PeriodTotals.of(totals(connection, listenerId, start, end, null));
            }
            Map<EntityTotal.Key, EntityTotal> delta = new HashMap<>();
            signedEdge(connection, listenerId, start, Rollups.startOf(first), delta);
            signedEdge(connection, listenerId, Rollups.startOf(last), end, delta);
            long[] music = RollupReads.hourSums(connection, listenerId, Rollups.startOf(first), Rollups.startOf(last));
            Map<EntityTotal.Key, EntityTotal> core =
                    RollupReads.lines(connection, listenerId, span, delta.keySet(), prefix);
            Map<EntityKind, Long> distinct = new java.util.EnumMap<>(EntityKind.class);
            Map<EntityKind, List<EntityTotal>> top = new java.util.EnumMap<>(EntityKind.class);
            for (EntityKind kind : EntityKind.values()) {
                long count = RollupReads.countPlayed(connection, listenerId, span, kind);
                List<EntityTotal> lines = new ArrayList<>();
                int touched = 0;
                for (EntityTotal change : delta.values()) {
                    if (change.kind() != kind) {
                        continue;
                    }
                    touched++;
                    EntityTotal before = core.get(change.key());
                    EntityTotal after = before == null ? change : before.plus(change);
                    boolean playedBefore = before != null && before.plays() > 0;
                    count += (after.plays() > 0 ? 1 : 0) - (playedBefore ? 1 : 0);
                    if (after.plays() > 0) {
                        lines.add(after);
                    }
                    if (kind == EntityKind.TRACK) {
                        music[0] += change.plays();
                        music[1] += change.msPlayed();
                    }
                }
                for (EntityTotal line : RollupReads.best(connection, listenerId, span, kind, depth + touched)) {
                    if (!delta.containsKey(line.key())) {
                        lines.add(line);
                    }
                }
                lines.sort(Rankings.ORDER);
                distinct.put(kind, count);
                // Lines below the depth asked for may miss some between them: only the first ones are exact.
                top.put(kind, List.copyOf(lines.subList(0, Math.min(depth, lines.size()))));
            }
            return new PeriodTotals(music[0], music[1], distinct, top);
        });
    }

    /** Adds the lines of [from, to) to {@code delta}, or takes away those of [to, from). */
    private static void signedEdge(
            Connection connection, String listenerId, Instant from, Instant to, Map<EntityTotal.Key, EntityTotal> delta)
            throws SQLException {
        boolean add = from.isBefore(to);
        if (from.equals(to)) {
            return;
        }
        for (EntityTotal total : RawPlays.totals(connection, listenerId, add ? from : to, add ? to : from)) {
            EntityTotal signed = add
                    ? total
                    : new EntityTotal(
                            total.kind(), total.artist(), total.name(), -total.plays(), -total.msPlayed(), null, null);
            delta.merge(signed.key(), signed, EntityTotal::plus);
        }
    }

    /** Every track, artist or album (by {@code kind}) ever streamed, added up over the whole history. */
    public List<EntityTotal> allTime(String listenerId, EntityKind kind) {
        return database.inTransaction(connection -> {
            RollupState state = RollupState.of(connection, listenerId);
            if (state.usable()) {
                return read(connection, listenerId, "all", 0, 0, kind);
            }
            return totals(connection, listenerId, EARLIEST, LATEST, kind);
        });
    }

    /** Every track, artist or album (by {@code kind}) streamed in one calendar year of UTC. */
    public List<EntityTotal> year(String listenerId, int year, EntityKind kind) {
        return database.inTransaction(connection -> {
            RollupState state = RollupState.of(connection, listenerId);
            if (state.usable()) {
                return read(connection, listenerId, "year", year, year, kind);
            }
            return totals(
                    connection,
                    listenerId,
                    Rollups.startOf(YearMonth.of(year, 1)),
                    Rollups.startOf(YearMonth.of(year + 1, 1)),
                    kind);
        });
    }

    /** One artist's own line over all time, or empty when never streamed. */
    public Optional<EntityTotal> artist(String listenerId, String name) {
        return ofArtist(listenerId, name, EntityKind.ARTIST).stream().findFirst();
    }

    /** Every track of one artist, added up over all time. */
    public List<EntityTotal> tracksOf(String listenerId, String artist) {
        return ofArtist(listenerId, artist, EntityKind.TRACK);
    }

    /** The first play ever of each of {@code keys} that has one. */
    public Map<EntityTotal.Key, Instant> firstPlays(String listenerId, Collection<EntityTotal.Key> keys) {
        return database.inTransaction(connection -> {
            Set<EntityTotal.Key> wanted = new HashSet<>(keys);
            List<EntityTotal> lines;
            if (RollupState.of(connection, listenerId).usable()) {
                lines = new ArrayList<>(RollupReads.lines(connection, listenerId, RollupSpan.ALL_TIME, wanted, prefix)
                        .values());
            } else {
                lines = totals(connection, listenerId, EARLIEST, LATEST, null);
            }
            Map<EntityTotal.Key, Instant> first = new HashMap<>();
            for (EntityTotal line : lines) {
                if (wanted.contains(line.key()) && line.firstPlay() != null) {
                    first.put(line.key(), line.firstPlay());
                }
            }
            return first;
        });
    }

    /** One artist's plays per month of UTC, oldest first, months without any stream left out. */
    public List<MonthTotal> artistMonths(String listenerId, String artist) {
        return database.inTransaction(connection -> {
            if (!RollupState.of(connection, listenerId).usable()) {
                return RawPlays.artistMonths(connection, listenerId, artist);
            }
            List<MonthTotal> months = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT span_key, plays, ms_played"
                    + " FROM listening_total WHERE listener_id = ? AND span = 'month' AND kind = 'artist'"
                    + " AND artist_prefix = LEFT(?, 200) AND artist = ? ORDER BY span_key")) {
                select.setString(1, listenerId);
                select.setString(2, artist);
                select.setString(3, artist);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int key = rows.getInt(1);
                        months.add(
                                new MonthTotal(YearMonth.of(key / 100, key % 100), rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
            return months;
        });
    }

    /**
     * The hours of UTC in which tracks were streamed, oldest first: those starting in [start, end) — exactly the
     * stretch when both are whole hours, as a viewer's days and periods are in all but a few time zones.
     */
    public List<HourCell> hours(String listenerId, Instant start, Instant end) {
        return database.inTransaction(connection -> {
            if (!RollupState.of(connection, listenerId).usable()) {
                return RawPlays.hours(connection, listenerId, start, end);
            }
            List<HourCell> cells = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT epoch_hour, plays, ms_played"
                    + " FROM listening_hour WHERE listener_id = ? AND epoch_hour >= ? AND epoch_hour < ?"
                    + " ORDER BY listener_id, epoch_hour")) {
                select.setString(1, listenerId);
                select.setLong(2, -Math.floorDiv(-start.getEpochSecond(), HourCell.SECONDS_PER_HOUR));
                select.setLong(3, -Math.floorDiv(-end.getEpochSecond(), HourCell.SECONDS_PER_HOUR));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        cells.add(new HourCell(rows.getLong(1), rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
            return cells;
        });
    }

    private List<EntityTotal> ofArtist(String listenerId, String artist, EntityKind kind) {
        return database.inTransaction(connection -> {
            if (!RollupState.of(connection, listenerId).usable()) {
                return totals(connection, listenerId, EARLIEST, LATEST, kind).stream()
                        .filter(total -> artist.equals(kind == EntityKind.ARTIST ? total.name() : total.artist()))
                        .toList();
            }
            List<EntityTotal> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(OF_ARTIST)) {
                select.setString(1, listenerId);
                select.setString(2, kind.column);
                select.setString(3, artist);
                select.setString(4, artist);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(RollupReads.line(rows));
                    }
                }
            }
            return found;
        });
    }

    /*
     * [start, end) as rollups plus edges: the core runs between the month boundaries of UTC nearest to start and to
     * end, read as whole years where it can and as months elsewhere; the plays between each end and its boundary
     * are then added (the period reaches beyond the boundary) or taken away (it stops short of it). A period of a
     * viewer's local days lies within 14 hours of such boundaries, so its edges are a few hours of plays.
     */
    private static List<EntityTotal> totals(
            Connection connection, String listenerId, Instant start, Instant end, EntityKind kind) throws SQLException {
        RollupState state = RollupState.of(connection, listenerId);
        YearMonth first = nearestMonth(start);
        YearMonth last = nearestMonth(end);
        if (!state.usable() || !first.isBefore(last)) {
            return kind == null
                    ? RawPlays.totals(connection, listenerId, start, end)
                    : only(kind, RawPlays.totals(connection, listenerId, start, end));
        }
        Map<EntityTotal.Key, EntityTotal> totals = new HashMap<>();
        core(connection, listenerId, first, last, kind, totals);
        edge(connection, listenerId, start, Rollups.startOf(first), totals);
        edge(connection, listenerId, Rollups.startOf(last), end, totals);
        List<EntityTotal> list = new ArrayList<>(totals.size());
        for (EntityTotal total : totals.values()) {
            if ((kind == null || total.kind() == kind) && (total.plays() != 0 || total.msPlayed() != 0)) {
                list.add(total);
            }
        }
        return list;
    }

    /** Adds the plays of [from, to), or takes away those of [to, from) when the edge runs the other way. */
    private static void edge(
            Connection connection,
            String listenerId,
            Instant from,
            Instant to,
            Map<EntityTotal.Key, EntityTotal> totals)
            throws SQLException {
        if (from.isBefore(to)) {
            for (EntityTotal total : RawPlays.totals(connection, listenerId, from, to)) {
                RawPlays.add(totals, total);
            }
        } else if (to.isBefore(from)) {
            for (EntityTotal total : RawPlays.totals(connection, listenerId, to, from)) {
                EntityTotal known = totals.get(total.key());
                if (known != null) {
                    totals.put(total.key(), known.minus(total));
                }
            }
        }
    }

    /** Months [first, last) from the rollups: all time, or whole years between leading and trailing months. */
    private static void core(
            Connection connection,
            String listenerId,
            YearMonth first,
            YearMonth last,
            EntityKind kind,
            Map<EntityTotal.Key, EntityTotal> totals)
            throws SQLException {
        if (first.equals(FIRST_MONTH) && last.equals(LAST_MONTH)) {
            addAll(totals, read(connection, listenerId, "all", 0, 0, kind));
            return;
        }
        int firstYear = first.getMonthValue() == 1 ? first.getYear() : first.getYear() + 1;
        int lastYear = last.getYear() - 1;
        if (firstYear > lastYear) {
            addAll(totals, months(connection, listenerId, first, last, kind));
            return;
        }
        addAll(totals, months(connection, listenerId, first, YearMonth.of(firstYear, 1), kind));
        addAll(totals, read(connection, listenerId, "year", firstYear, lastYear, kind));
        addAll(totals, months(connection, listenerId, YearMonth.of(lastYear + 1, 1), last, kind));
    }

    private static List<EntityTotal> months(
            Connection connection, String listenerId, YearMonth first, YearMonth last, EntityKind kind)
            throws SQLException {
        if (!first.isBefore(last)) {
            return List.of();
        }
        return read(
                connection, listenerId, "month", Rollups.monthKey(first), Rollups.monthKey(last.minusMonths(1)), kind);
    }

    private static List<EntityTotal> read(
            Connection connection, String listenerId, String span, int fromKey, int toKey, EntityKind kind)
            throws SQLException {
        List<EntityTotal> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(kind == null ? TOTALS : TOTALS + " AND kind = ?")) {
            select.setString(1, listenerId);
            select.setString(2, span);
            select.setInt(3, fromKey);
            select.setInt(4, toKey);
            if (kind != null) {
                select.setString(5, kind.column);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(RollupReads.line(rows));
                }
            }
        }
        return found;
    }

    private static void addAll(Map<EntityTotal.Key, EntityTotal> totals, List<EntityTotal> more) {
        for (EntityTotal total : more) {
            RawPlays.add(totals, total);
        }
    }

    private static List<EntityTotal> only(EntityKind kind, List<EntityTotal> totals) {
        return totals.stream().filter(total -> total.kind() == kind).toList();
    }

    /** The month boundary of UTC nearest to {@code instant}, named by the month it starts. */
    static YearMonth nearestMonth(Instant instant) {
        if (!instant.isAfter(EARLIEST)) {
            return FIRST_MONTH;
        }
        if (!instant.isBefore(LATEST)) {
            return LAST_MONTH;
        }
        YearMonth month = YearMonth.from(instant.atZone(ZoneOffset.UTC));
        Instant start = Rollups.startOf(month);
        Instant next = Rollups.startOf(month.plusMonths(1));
        return instant.getEpochSecond() - start.getEpochSecond() <= next.getEpochSecond() - instant.getEpochSecond()
                ? month
                : month.plusMonths(1);
    }
}
