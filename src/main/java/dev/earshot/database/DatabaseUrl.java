package dev.earshot.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code EARSHOT_DATABASE_URL} as a deployer writes it — {@code postgresql://user:pass@host:5432/db} (as most
 * hosting platforms print it) or {@code jdbc:postgresql://host:5432/db} — turned into what the JDBC driver
 * takes: a JDBC URL without credentials, and the user and password that were in it, if any.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    static final String EXPECTED = "EARSHOT_DATABASE_URL must look like postgresql://user:password@host:5432/database"
            + " or jdbc:postgresql://host:5432/database";

    /** Parses the deployer's value; the message of the exception says what is wrong in plain words. */
    public static DatabaseUrl parse(String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, Optional.empty(), Optional.empty());
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new IllegalArgumentException(EXPECTED + " (it starts with neither).");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(EXPECTED + " (" + e.getReason() + ").");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(EXPECTED + " (no host in it).");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.length() <= 1) {
            throw new IllegalArgumentException(EXPECTED + " (no database name after the host).");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() != -1) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(path);
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        return new DatabaseUrl(jdbc.toString(), user, password);
    }

    private static String decode(String part) {
        // Percent-encoded, as in any URL; '+' stays a plus (URLDecoder would make it a space).
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Never print the password, wherever a record ends up in a log line.
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user.orElse("(none)") + "]";
    }
}
