package dev.earshot.history;

import dev.earshot.auth.HeldToken;
import dev.earshot.auth.HeldTokens;
import dev.earshot.auth.Session;
import dev.earshot.database.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A listener's own recording: opting in (the session's refresh token is held on the server, the only way to
 * record while they are away), opting out (the token is released; plays kept stay), and how it stands for the
 * dashboard, where a listener who signed in again after a pause is resumed with the new sign-in.
 */
@ApplicationScoped
public class Recordings {

    private static final Logger LOG = Logger.getLogger(Recordings.class);

    /** What the dashboard says after the opt-in form ({@code ?recording=on|off}) or a resume. */
    static final String ON = "Earshot now keeps your listening history: new plays are recorded every few minutes.";

    static final String OFF =
            "Earshot no longer records your plays. The plays already kept stay until you delete" + " your history.";
    static final String RESUMED = "Recording resumed: your new sign-in lets Earshot keep your listening history again.";

    private final RecordingStore recordings;
    private final HeldTokens heldTokens;
    private final Recorder recorder;
    private final Clock clock;

    Recordings(RecordingStore recordings, HeldTokens heldTokens, Recorder recorder, Clock clock) {
        this.recordings = recordings;
        this.heldTokens = heldTokens;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Records the session's listener from now on (or again, after a pause), with the session's sign-in. */
    public RecordingStatus optIn(Session session) {
        Instant now = clock.instant();
        String listener = session.userId();
        heldTokens.hold(Recording.holder(listener), listener, session.refreshToken(), session.signedInAt());
        recordings.start(listener, Recording.Tokens.HELD, now, recorder.nextSlot(listener, now));
        return status(listener);
    }

    /** Stops recording the listener and forgets the token held for it; the plays kept stay. */
    public RecordingStatus optOut(String listenerId) {
        heldTokens.release(Recording.holder(listenerId));
        recordings.stop(listenerId);
        return status(listenerId);
    }

    /**
     * How the recording stands for the dashboard; {@code change} is {@code "on"} or {@code "off"} after the
     * form (anything else: no notice). A paused listener whose session was signed in after the pause is resumed
     * here with the session's new token. Never throws: without the database the status is "unavailable".
     */
    public RecordingStatus forDashboard(Session session, String change) {
        try {
            String listener = session.userId();
            Optional<Recording> recording = recordings.find(listener);
            if (recording.isPresent()
                    && recording.get().tokens() == Recording.Tokens.HELD
                    && pausedBefore(recording.get(), listener, session.signedInAt())) {
                Instant now = clock.instant();
                heldTokens.hold(Recording.holder(listener), listener, session.refreshToken(), session.signedInAt());
                // Due at once: the plays since the pause are still in Spotify's last 50 for a while.
                recordings.start(listener, Recording.Tokens.HELD, now, now);
                return status(listener).withNotice(RESUMED);
            }
            RecordingStatus status = status(listener);
            if ("on".equals(change) && status.recording()) {
                return status.withNotice(ON);
            }
            return "off".equals(change) && !status.recording() ? status.withNotice(OFF) : status;
        } catch (DatabaseException e) {
            LOG.warnf("Recording status unavailable: %s", e.getMessage());
            return RecordingStatus.unavailable();
        }
    }

    /** True when recording is paused (or Spotify has refused the held token) since before {@code signedInAt}. */
    private boolean pausedBefore(Recording recording, String listener, Instant signedInAt) {
        Optional<Instant> pausedAt = recording
                .pausedAt()
                .or(() -> heldTokens.find(Recording.holder(listener)).flatMap(HeldToken::rejectedAt));
        return pausedAt.isPresent() && signedInAt.isAfter(pausedAt.get());
    }

    RecordingStatus status(String listener) {
        Optional<Recording> recording = recordings.find(listener);
        long kept = recordings.playsKept(listener);
        if (recording.isEmpty()) {
            return new RecordingStatus(true, false, false, null, null, kept, null);
        }
        Recording found = recording.get();
        boolean rejected = found.tokens() == Recording.Tokens.HELD
                && heldTokens
                        .find(Recording.holder(listener))
                        .map(held -> held.rejectedAt().isPresent())
                        .orElse(true);
        return new RecordingStatus(
                true,
                true,
                found.paused() || rejected,
                found.since(),
                found.lastRecordedAt().orElse(null),
                kept,
                null);
    }
}
