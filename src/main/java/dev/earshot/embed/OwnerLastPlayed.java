package dev.earshot.embed;

import dev.earshot.listening.ListeningService;
import dev.earshot.listening.Play;
import dev.earshot.owner.OwnerAccount;
import dev.earshot.owner.OwnerConnected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The owner's last play for an idle card ("Not playing — last played: ..."), read through the shared
 * recently-played data (one call per cache period however many READMEs show the card); a failure
 * just leaves the line out, or keeps the last one known.
 */
@ApplicationScoped
public class OwnerLastPlayed {

    private final ListeningService listening;
    private final OwnerAccount owner;

    OwnerLastPlayed(ListeningService listening, OwnerAccount owner) {
        this.listening = listening;
        this.owner = owner;
    }

    public CompletionStage<Optional<Play>> current() {
        return listening.lastPlay(OwnerNowPlaying.LISTENER, owner).exceptionally(failure -> Optional.empty());
    }

    /** A new owner account must never be shown the previous one's plays. */
    void onConnected(@Observes OwnerConnected event) {
        listening.forget(OwnerNowPlaying.LISTENER);
    }

    static CompletionStage<Optional<Play>> none() {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
