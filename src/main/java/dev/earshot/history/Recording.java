package dev.earshot.history;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded listener as the {@code recording} table keeps it: whose tokens the recorder uses, since when,
 * how far recently-played has been read ({@code cursor}: the newest {@code played_at} stored), when the
 * listener is next due, and whether Spotify refused the held sign-in.
 */
record Recording(
        String listenerId,
        Tokens tokens,
        Instant since,
        Optional<Instant> cursor,
        Optional<Instant> lastRecordedAt,
        Instant nextPollAt,
        Optional<Instant> pausedAt) {

    /** Where the recorder gets this listener's access tokens. */
    enum Tokens {
        /** An opted-in listener: {@code auth.HeldTokens}, holder {@code "recorder:" + listenerId}. */
        HELD("held"),
        /** The owner: {@code owner.OwnerAccount}. */
        OWNER("owner");

        final String column;

        Tokens(String column) {
            this.column = column;
        }

        static Tokens of(String column) {
            return column.equals(OWNER.column) ? OWNER : HELD;
        }
    }

    /** The holder name under which {@code auth.HeldTokens} keeps an opted-in listener's refresh token. */
    static String holder(String listenerId) {
        return "recorder:" + listenerId;
    }

    boolean paused() {
        return pausedAt.isPresent();
    }
}
