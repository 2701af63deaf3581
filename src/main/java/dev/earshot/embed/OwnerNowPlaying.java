package dev.earshot.embed;

import dev.earshot.listening.NowPlayingFeed;
import dev.earshot.listening.NowPlayingSnapshot;
import dev.earshot.listening.Problem;
import dev.earshot.owner.OwnerAccount;
import dev.earshot.owner.OwnerConnected;
import dev.earshot.owner.OwnerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The owner's playback for every public embed, through ONE shared feed: any number of viewers cost at
 * most one Spotify call per cache period and one token refresh per token lifetime (R08).
 */
@ApplicationScoped
public class OwnerNowPlaying {

    /** The feed's key for the owner; user ids of signed-in listeners never collide with it. */
    static final String LISTENER = "owner:";

    /** The public JSON the embeds' script polls. */
    static final String PUBLIC_URL = "/api/now-playing";

    private static final Logger LOG = Logger.getLogger(OwnerNowPlaying.class);

    /** What the embeds can show: a snapshot, or why there is none. */
    public record Result(NowPlayingSnapshot snapshot, boolean notConfigured, boolean offline) {}

    private final NowPlayingFeed feed;
    private final OwnerAccount owner;
    private final Clock clock;
    private volatile boolean hintLogged;

    OwnerNowPlaying(NowPlayingFeed feed, OwnerAccount owner, Clock clock) {
        this.feed = feed;
        this.owner = owner;
        this.clock = clock;
    }

    public CompletionStage<Result> current() {
        OwnerStatus status = owner.status();
        if (!status.configured()) {
            logHintOnce();
            return CompletableFuture.completedFuture(
                    new Result(NowPlayingSnapshot.unavailable(clock.instant(), Problem.UNAVAILABLE), true, false));
        }
        if (status.offline()) {
            return CompletableFuture.completedFuture(offline());
        }
        return feed.current(LISTENER, owner).handle((snapshot, failure) -> {
            if (failure == null) {
                return new Result(snapshot, false, false);
            }
            // Only a dead sign-in gets through the feed: the account is offline now and makes no further calls (R04).
            return offline();
        });
    }

    /** A new owner account must never be shown the previous one's playback. */
    void onConnected(@Observes OwnerConnected event) {
        feed.forget(LISTENER);
    }

    private Result offline() {
        return new Result(NowPlayingSnapshot.unavailable(clock.instant(), Problem.SESSION_ENDED), false, true);
    }

    private void logHintOnce() {
        if (!hintLogged) {
            hintLogged = true;
            LOG.warn("The public now-playing endpoints answer 503: no owner account. Set SPOTIFY_REFRESH_TOKEN, "
                    + "or connect your account at /owner/connect (see /setup)");
        }
    }
}
