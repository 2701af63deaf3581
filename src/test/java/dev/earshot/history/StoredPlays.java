package dev.earshot.history;

import dev.earshot.database.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads back what the import stored for a listener, straight from the {@code play} table. */
final class StoredPlays {

    /** One stored row, as far as the tests look at it. */
    record Stored(Instant endedAt, long msPlayed, String kind, String uri, String name, String artist, String source) {}

    private StoredPlays() {}

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
        PlayRow row =
                new PlayRow(playedAt, 200_000, PlayRow.Kind.TRACK, uri, name, "Artist", null, PlayRow.Source.RECORDED);
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO play (listener_id, ended_at, ms_played, kind, uri, name, artist, album, source,"
                            + " stream_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, listenerId);
                insert.setObject(2, OffsetDateTime.ofInstant(playedAt, ZoneOffset.UTC));
                insert.setLong(3, row.msPlayed());
                insert.setString(4, row.kind().column);
                insert.setString(5, row.uri());
                insert.setString(6, row.name());
                insert.setString(7, row.artist());
                insert.setString(8, null);
                insert.setString(9, row.source().column);
                insert.setString(10, row.streamKey());
                return insert.executeUpdate();
            }
        });
    }
}
