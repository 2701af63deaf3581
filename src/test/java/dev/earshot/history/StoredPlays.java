package dev.earshot.history;

import dev.earshot.database.Database;
import io.quarkus.arc.Arc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made plays put straight into the database of a running {@code @QuarkusTest}, as the recorder and the
 * importer store them (same columns, same unique key), so the read side is tested on rows of known shape.
 */
public final class StoredPlays {

    static final String INSERT = "INSERT INTO play"
            + " (listener_id, ended_at, ms_played, kind, uri, name, artist, album, source, stream_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private StoredPlays() {}

    public static PlayRow track(String endedAt, long msPlayed, String uri, String name, String artist) {
        return new PlayRow(
                Instant.parse(endedAt),
                msPlayed,
                PlayRow.Kind.TRACK,
                uri,
                name,
                artist,
                "Album of " + name,
                PlayRow.Source.EXTENDED);
    }

    /** An Account-data row: no URI, no album, minute precision. */
    public static PlayRow accountTrack(String endedAt, long msPlayed, String name, String artist) {
        return new PlayRow(
                Instant.parse(endedAt), msPlayed, PlayRow.Kind.TRACK, null, name, artist, null, PlayRow.Source.ACCOUNT);
    }

    public static PlayRow episode(String endedAt, long msPlayed, String uri, String name, String show) {
        return new PlayRow(
                Instant.parse(endedAt), msPlayed, PlayRow.Kind.EPISODE, uri, name, show, null, PlayRow.Source.EXTENDED);
    }

    public static void insert(String listenerId, PlayRow... rows) {
        insert(listenerId, List.of(rows));
    }

    public static void insert(String listenerId, List<PlayRow> rows) {
        insertWithoutRollups(listenerId, rows);
        // As every writer does: the rollups of the months these plays fall in, their years and all time.
        List<Instant> ends = rows.stream().map(PlayRow::endedAt).sorted().toList();
        if (!ends.isEmpty()) {
            database().inTransaction(connection -> {
                Rollups.rebuild(connection, listenerId, ends.get(0), ends.get(ends.size() - 1));
                return null;
            });
        }
    }

    /** Plays as a listener stored them before rollups existed (the figures then read table play alone). */
    public static void insertWithoutRollups(String listenerId, List<PlayRow> rows) {
        database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (PlayRow row : rows) {
                    insert.setString(1, listenerId);
                    insert.setObject(2, OffsetDateTime.ofInstant(row.endedAt(), ZoneOffset.UTC));
                    insert.setLong(3, row.msPlayed());
                    insert.setString(4, row.kind().column);
                    insert.setString(5, row.uri());
                    insert.setString(6, row.name());
                    insert.setString(7, row.artist());
                    insert.setString(8, row.album());
                    insert.setString(9, row.source().column);
                    insert.setString(10, row.streamKey());
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    /** One stored row, as far as the tests look at it. */
    record Stored(Instant endedAt, long msPlayed, String kind, String uri, String name, String artist, String source) {}

    /** What is stored for a listener, oldest first. */
    static List<Stored> of(Database database, String listenerId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT ended_at, ms_played, kind, uri, name, artist, source FROM play WHERE listener_id = ?"
                            + " ORDER BY ended_at, id")) {
                select.setString(1, listenerId);
                List<Stored> rows = new ArrayList<>();
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        rows.add(new Stored(
                                found.getObject(1, OffsetDateTime.class).toInstant(),
                                found.getLong(2),
                                found.getString(3),
                                found.getString(4),
                                found.getString(5),
                                found.getString(6),
                                found.getString(7)));
                    }
                }
                return rows;
            }
        });
    }

    /** Stores a play as the recorder does (source recorded, Spotify's played_at). */
    static void recorded(Database database, String listenerId, Instant playedAt, String uri, String name) {
        insert(
                listenerId,
                new PlayRow(playedAt, 200_000, PlayRow.Kind.TRACK, uri, name, "Artist", null, PlayRow.Source.RECORDED));
    }

    public static long count(String listenerId) {
        return database().inTransaction(connection -> {
            try (PreparedStatement count =
                    connection.prepareStatement("SELECT COUNT(*) FROM play WHERE listener_id = ?")) {
                count.setString(1, listenerId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    public static Database database() {
        return Arc.container().instance(Database.class).get();
    }
}
