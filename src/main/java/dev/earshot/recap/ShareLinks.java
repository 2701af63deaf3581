package dev.earshot.recap;

import dev.earshot.database.Database;
import dev.earshot.database.SqlTime;
import dev.earshot.history.HistoryPeriod;
import dev.earshot.web.Sha256;
import dev.earshot.web.UrlSafeRandom;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The share links in table {@code share_link} (S29). A link's id is 256 random bits, URL-safe; only its SHA-256 is
 * stored, so the database never holds a usable link and a new link is shown once. An unknown, malformed, revoked or
 * expired id opens nothing — the same nothing. Guessing is not rate limited: with 2^256 ids it is hopeless anyway.
 */
@ApplicationScoped
public class ShareLinks {

    /** Random bytes in a link's id: 256 bits, twice the 128 S29 asks for. */
    static final int ID_BYTES = 32;

    /** Hex characters of the digest in a handle: enough to tell one's own links apart, useless for opening one. */
    static final int HANDLE_HEX = 8;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern HANDLE = Pattern.compile("([0-9a-f]{" + HANDLE_HEX + "})-([0-9]{1,18})");

    /** A link just made: its id, to be shown to its creator this once, and how the list shows it. */
    public record Created(String id, ShareLink link) {}

    /** What an open link shows: whose figures, which page, which period. */
    public record Opened(String listenerId, ShareKind kind, RecapPeriod period) {}

    private final Database database;
    private final Clock clock;

    ShareLinks(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Created create(String listenerId, ShareKind kind, HistoryPeriod period, ShareExpiry expiry) {
        String id = UrlSafeRandom.ofBytes(ID_BYTES);
        String digest = digest(id);
        Instant now = clock.instant();
        Instant expiresAt = expiry.lifetime == null ? null : now.plus(expiry.lifetime);
        long row = database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO share_link (link_digest, listener_id, kind, period_from, period_to, time_zone,"
                            + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, digest);
                insert.setString(2, listenerId);
                insert.setString(3, kind.column);
                setDate(insert, 4, period.from());
                setDate(insert, 5, period.to());
                insert.setString(6, period.zone().getId());
                insert.setObject(7, SqlTime.of(now));
                insert.setObject(8, SqlTime.of(expiresAt));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new Created(id, new ShareLink(handle(digest, row), kind, RecapPeriod.of(period), now, expiresAt));
    }

    /** What the link with this id shows, or empty when it is malformed, unknown, revoked or expired. */
    public Optional<Opened> open(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String digest = digest(id);
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT listener_id, kind, period_from, period_to, time_zone FROM share_link"
                            + " WHERE link_digest = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)")) {
                select.setString(1, digest);
                select.setObject(2, SqlTime.of(now));
                try (ResultSet found = select.executeQuery()) {
                    if (!found.next()) {
                        return Optional.empty();
                    }
                    String listenerId = found.getString(1);
                    RecapPeriod period = RecapPeriod.of(period(found, 3));
                    return ShareKind.parse(found.getString(2)).map(kind -> new Opened(listenerId, kind, period));
                }
            }
        });
    }

    /** The listener's links that still work, newest first. */
    public List<ShareLink> working(String listenerId) {
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, link_digest, kind, period_from, period_to, time_zone, created_at, expires_at"
                            + " FROM share_link WHERE listener_id = ? AND revoked_at IS NULL"
                            + " AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC, id DESC")) {
                select.setString(1, listenerId);
                select.setObject(2, SqlTime.of(now));
                List<ShareLink> links = new ArrayList<>();
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        Optional<ShareKind> kind = ShareKind.parse(found.getString(3));
                        if (kind.isPresent()) {
                            links.add(new ShareLink(
                                    handle(found.getString(2), found.getLong(1)),
                                    kind.get(),
                                    RecapPeriod.of(period(found, 4)),
                                    SqlTime.read(found, 7),
                                    SqlTime.read(found, 8)));
                        }
                    }
                }
                return links;
            }
        });
    }

    /**
     * Revokes the listener's link with this handle; false when they have no such working link (another listener's
     * handle included), so nothing tells a stranger's link from one that does not exist.
     */
    public boolean revoke(String listenerId, String handle) {
        Matcher parts = HANDLE.matcher(handle == null ? "" : handle);
        if (!parts.matches()) {
            return false;
        }
        long row = Long.parseLong(parts.group(2));
        String prefix = parts.group(1);
        Instant now = clock.instant();
        return database.inTransaction(connection -> revoke(connection, listenerId, row, prefix, now));
    }

    private static boolean revoke(Connection connection, String listenerId, long row, String prefix, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE share_link SET revoked_at = ? WHERE id = ? AND listener_id = ? AND link_digest LIKE ?"
                        + " AND revoked_at IS NULL")) {
            update.setObject(1, SqlTime.of(now));
            update.setLong(2, row);
            update.setString(3, listenerId);
            update.setString(4, prefix + "%");
            return update.executeUpdate() == 1;
        }
    }

    /** The hex SHA-256 kept in place of an id. */
    static String digest(String id) {
        return HexFormat.of().formatHex(Sha256.of(id));
    }

    private static String handle(String digest, long row) {
        return digest.substring(0, HANDLE_HEX) + "-" + row;
    }

    private static HistoryPeriod period(ResultSet row, int firstColumn) throws SQLException {
        return new HistoryPeriod(
                row.getObject(firstColumn, LocalDate.class),
                row.getObject(firstColumn + 1, LocalDate.class),
                ZoneId.of(row.getString(firstColumn + 2)));
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate day) throws SQLException {
        if (day == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, day);
        }
    }
}
