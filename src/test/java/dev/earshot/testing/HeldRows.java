package dev.earshot.testing;

import dev.earshot.auth.CookieSealer;
import dev.earshot.auth.HeldTokens;
import dev.earshot.database.Database;
import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The {@code held_token} table as another replica would read it, straight from the database ({@code @QuarkusTest}s
 * only): what is stored, to check that a rotated token was saved and that it is sealed.
 */
public final class HeldRows {

    private HeldRows() {}

    /** The refresh token held for {@code holder}, opened with the app's sealer. */
    public static Optional<String> refreshToken(String holder) {
        CookieSealer sealer = Arc.container().instance(CookieSealer.class).get();
        return sealedRefreshToken(holder)
                .flatMap(value -> sealer.open(HeldTokens.REFRESH_PURPOSE, value))
                .map(opened -> new String(opened.plaintext(), StandardCharsets.UTF_8));
    }

    /** The refresh-token column as stored, sealed. */
    public static Optional<String> sealedRefreshToken(String holder) {
        return database().inTransaction(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT refresh_token FROM held_token WHERE holder = ?")) {
                select.setString(1, holder);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Writes the refresh-token column as given, as a row sealed with another secret would look. */
    public static void overwriteSealedRefreshToken(String holder, String value) {
        database().inTransaction(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE held_token SET refresh_token = ? WHERE holder = ?")) {
                update.setString(1, value);
                update.setString(2, holder);
                return update.executeUpdate();
            }
        });
    }

    private static Database database() {
        return Arc.container().instance(Database.class).get();
    }
}
