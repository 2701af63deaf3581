package dev.earshot.history;

import dev.earshot.config.HistoryConfig;
import dev.earshot.listening.NowPlaying;
import dev.earshot.listening.NowPlayingSeen;
import dev.earshot.owner.OwnerAccount;
import dev.earshot.owner.OwnerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records podcast episodes, which recently-played leaves out, from what the now-playing feed fetched anyway (no
 * call of its own): for a recording listener (or the recorded owner), each sighting of an episode playing extends
 * one row per continuous listening ({@link PlayRow.Source#NOW_PLAYING}; ended at the last sighting, ms played the
 * progress then).
 */
@ApplicationScoped
class EpisodeRecorder {

    private static final Logger LOG = Logger.getLogger(EpisodeRecorder.class);

    /** The now-playing feed's key for the owner's widget (embed.OwnerNowPlaying). */
    static final String OWNER_FEED = "owner:";

    private final RecordingStore recordings;
    private final RecordedPlays plays;
    private final OwnerAccount owner;
    private final HistoryConfig config;

    EpisodeRecorder(RecordingStore recordings, RecordedPlays plays, OwnerAccount owner, HistoryConfig config) {
        this.recordings = recordings;
        this.plays = plays;
        this.owner = owner;
        this.config = config;
    }

    void seen(@ObservesAsync NowPlayingSeen seen) {
        NowPlaying now = seen.nowPlaying();
        if (!now.isEpisode() || !now.isPlaying() || now.itemId() == null) {
            return;
        }
        try {
            recordedListener(seen.listener()).ifPresent(listener -> plays.storeEpisodeSighting(listener, row(seen)));
        } catch (RuntimeException e) {
            // The database failing costs one sighting, never the now-playing answer.
            LOG.debugf("An episode sighting was not recorded: %s", e.toString());
        }
    }

    /** Who the sighting belongs to, if they are recorded and not paused. */
    private Optional<String> recordedListener(String feedKey) {
        if (OWNER_FEED.equals(feedKey)) {
            OwnerStatus status = owner.status();
            return config.recordOwner() && status.configured() && !status.offline() && status.userId() != null
                    ? Optional.of(status.userId())
                    : Optional.empty();
        }
        return recordings.find(feedKey).filter(recording -> !recording.paused()).map(Recording::listenerId);
    }

    static PlayRow row(NowPlayingSeen seen) {
        NowPlaying now = seen.nowPlaying();
        return new PlayRow(
                seen.fetchedAt(),
                now.progressMs(),
                PlayRow.Kind.EPISODE,
                "spotify:episode:" + now.itemId(),
                now.title(),
                now.collection(),
                null,
                PlayRow.Source.NOW_PLAYING);
    }
}
