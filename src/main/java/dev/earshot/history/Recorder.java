package dev.earshot.history;

import dev.earshot.auth.HeldToken;
import dev.earshot.auth.HeldTokens;
import dev.earshot.config.HistoryConfig;
import dev.earshot.listening.Play;
import dev.earshot.listening.RecentPlays;
import dev.earshot.listening.Track;
import dev.earshot.owner.OwnerAccount;
import dev.earshot.owner.OwnerStatus;
import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyException;
import dev.earshot.spotify.SpotifyQuietPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One round of the recorder: while this process holds the lease, fetches recently-played after each due
 * listener's cursor and stores the new plays once. Listeners are due at a fixed phase of the poll interval
 * each (so a thousand listeners spread over it instead of calling Spotify at once); a 429 ends the round and
 * leaves the rest due until the app-wide quiet period is over (R11); {@code invalid_grant} pauses the listener
 * until they sign in again (R13). Blocking: runs on the recorder's own thread, never on the event loop.
 */
@ApplicationScoped
class Recorder {

    private static final Logger LOG = Logger.getLogger(Recorder.class);

    /** Listeners polled in one round at most; the rest stay due for the next round. */
    static final int ROUND_LIMIT = 100;

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /** What a round did, for tests and logs. */
    record Round(boolean leaseHeld, int polled, int stored, boolean quiet) {
        static final Round NOT_HOLDER = new Round(false, 0, 0, false);
    }

    private final RecordingStore recordings;
    private final RecordedPlays plays;
    private final RecentPlays recentPlays;
    private final HeldTokens heldTokens;
    private final OwnerAccount owner;
    private final SpotifyQuietPeriod quiet;
    private final HistoryConfig config;

    Recorder(
            RecordingStore recordings,
            RecordedPlays plays,
            RecentPlays recentPlays,
            HeldTokens heldTokens,
            OwnerAccount owner,
            SpotifyQuietPeriod quiet,
            HistoryConfig config) {
        this.recordings = recordings;
        this.plays = plays;
        this.recentPlays = recentPlays;
        this.heldTokens = heldTokens;
        this.owner = owner;
        this.quiet = quiet;
        this.config = config;
    }

    /** Polls the listeners due at {@code clock}'s now, if {@code lease} can be held (renewed before each listener). */
    Round round(RecorderLease lease, InstantSource clock) {
        if (!lease.acquire(clock.instant())) {
            return Round.NOT_HOLDER;
        }
        if (quiet.remaining().isPresent()) {
            return new Round(true, 0, 0, true);
        }
        followOwner(clock.instant());
        int polled = 0;
        int stored = 0;
        for (Recording recording : recordings.due(clock.instant(), ROUND_LIMIT)) {
            if (quiet.remaining().isPresent()) {
                // Spotify asked the whole app to wait: the others stay due, for a round after the quiet period.
                return new Round(true, polled, stored, true);
            }
            if (!lease.acquire(clock.instant())) {
                return new Round(false, polled, stored, false);
            }
            stored += poll(recording, clock.instant());
            polled++;
        }
        return new Round(true, polled, stored, false);
    }

    /** The next moment at this listener's own phase of the interval after {@code after}. */
    Instant nextSlot(String listenerId, Instant after) {
        long interval = config.pollInterval().toMillis();
        long phase = Math.floorMod(listenerId.hashCode() * 2654435761L, interval);
        long sinceSlot = Math.floorMod(after.toEpochMilli() - phase, interval);
        return after.plusMillis(interval - sinceSlot);
    }

    /** Starts (or stops) recording the owner as the configuration and the owner's account say. */
    private void followOwner(Instant now) {
        OwnerStatus status = owner.status();
        if (config.recordOwner() && status.configured() && status.userId() != null) {
            if (recordings.find(status.userId()).isEmpty()) {
                recordings.start(status.userId(), Recording.Tokens.OWNER, now, nextSlot(status.userId(), now));
            }
        }
    }

    /** Polls one listener; answers how many plays were new. */
    private int poll(Recording recording, Instant now) {
        String listener = recording.listenerId();
        Optional<AccessTokens> tokens = tokensOf(recording, now);
        if (tokens.isEmpty()) {
            return 0;
        }
        List<Play> page;
        try {
            page = recentPlays
                    .after(tokens.get(), recording.cursor().orElse(null))
                    .toCompletableFuture()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            failed(recording, e instanceof ExecutionException ? e.getCause() : e, now);
            return 0;
        }
        List<PlayRow> rows = page.stream()
                .filter(play -> play.track().id() != null)
                .map(Recorder::row)
                .toList();
        int stored = plays.storeRecorded(listener, rows);
        Optional<Instant> newest = rows.stream().map(PlayRow::endedAt).max(Instant::compareTo);
        recordings.polled(listener, newest, stored > 0 ? newest : Optional.empty(), nextSlot(listener, now));
        if (stored > 0) {
            LOG.debugf("Recorded %d new plays of one listener", stored);
        }
        return stored;
    }

    private Optional<AccessTokens> tokensOf(Recording recording, Instant now) {
        String listener = recording.listenerId();
        if (recording.tokens() == Recording.Tokens.OWNER) {
            OwnerStatus status = owner.status();
            if (!config.recordOwner() || !listener.equals(status.userId())) {
                // Recording the owner was switched off, or another account is the owner now.
                recordings.stop(listener);
                return Optional.empty();
            }
            return Optional.of(owner);
        }
        Optional<HeldToken> held = heldTokens.find(Recording.holder(listener));
        if (held.isEmpty() || held.get().rejectedAt().isPresent()) {
            // Nothing Spotify still accepts to record with: only signing in again helps.
            recordings.pause(listener, held.flatMap(HeldToken::rejectedAt).orElse(now));
            return Optional.empty();
        }
        return Optional.of(heldTokens.accessTokens(Recording.holder(listener)));
    }

    private void failed(Recording recording, Throwable failure, Instant now) {
        Throwable cause = SpotifyException.unwrap(failure);
        if (cause instanceof SpotifyException.RateLimited) {
            // Stays due: the quiet period (set by whoever got the 429) holds every round back until it ends.
            return;
        }
        if (SpotifyException.endsSession(cause) && recording.tokens() == Recording.Tokens.HELD) {
            recordings.pause(recording.listenerId(), now);
            LOG.infof(
                    "Recording paused for a listener: Spotify no longer accepts their sign-in (%s)",
                    cause.getMessage());
            return;
        }
        // A passing failure (5xx, timeout) or the owner's account offline (it warns itself): try again next time.
        LOG.debugf("Recording one listener failed: %s", cause.toString());
        recordings.polled(
                recording.listenerId(), Optional.empty(), Optional.empty(), nextSlot(recording.listenerId(), now));
    }

    /** A recently-played entry as a stored play: it lists only plays of 30 s or more, so the track's length stands in. */
    static PlayRow row(Play play) {
        Track track = play.track();
        long duration = track.durationMs() > 0 ? track.durationMs() : PlayRow.PLAY_THRESHOLD_MS;
        String artist =
                track.artists().isEmpty() ? null : track.artists().get(0).name();
        return new PlayRow(
                play.playedAt(),
                duration,
                PlayRow.Kind.TRACK,
                "spotify:track:" + track.id(),
                track.name(),
                artist,
                track.albumName(),
                PlayRow.Source.RECORDED);
    }
}
