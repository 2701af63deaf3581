package dev.earshot.embed;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.earshot.listening.ListeningService;
import dev.earshot.listening.Play;
import dev.earshot.owner.OwnerAccount;
import dev.earshot.owner.OwnerConnected;

/**
 * The owner's last play for an idle card ("Not playing — last played: ..."), fetched at most once a
 * minute however many READMEs show the card; a failure just leaves the line out.
 */
@ApplicationScoped
public class OwnerLastPlayed {

    static final Duration KEEP = Duration.ofMinutes(1);

    private final ListeningService listening;
    private final OwnerAccount owner;
    private final AsyncCache<String, Optional<Play>> lastPlay = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(1).buildAsync();

    OwnerLastPlayed(ListeningService listening, OwnerAccount owner) {
        this.listening = listening;
        this.owner = owner;
    }

    public CompletionStage<Optional<Play>> current() {
        // A failure is kept as "nothing known" for the same minute: a 429 or 5xx must not cost a call per card view.
        return lastPlay.get(OwnerNowPlaying.LISTENER, (key, executor) -> listening.lastPlay(owner).toCompletableFuture()
                .exceptionally(failure -> Optional.empty()));
    }

    void onConnected(@Observes OwnerConnected event) {
        lastPlay.synchronous().invalidateAll();
    }

    static CompletionStage<Optional<Play>> none() {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
