package dev.earshot.owner;

import dev.earshot.auth.OwnerSignIns;
import dev.earshot.listening.ListenerProfile;
import dev.earshot.spotify.TokenGrant;
import dev.earshot.web.ErrorPage;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Finishes an owner sign-in: when the owner is known ({@code EARSHOT_OWNER_ID}, or the account
 * connected before) the Spotify account must be that one; otherwise the sign-in was only started after
 * the setup code was checked. Ends on {@code /owner/connect}, which exists in every profile.
 */
@ApplicationScoped
public class OwnerConnection implements OwnerSignIns {

    static final String CONNECTED_PAGE = "/owner/connect?connected=true";

    private final OwnerAccount owner;

    OwnerConnection(OwnerAccount owner) {
        this.owner = owner;
    }

    @Override
    public CompletionStage<Response> completed(TokenGrant grant, ListenerProfile user, NewCookie attemptsAfter) {
        var expected = owner.knownOwnerId();
        if (expected.isPresent() && !expected.get().equals(user.id())) {
            return CompletableFuture.completedFuture(ErrorPage.of(
                            Response.Status.FORBIDDEN,
                            "That isn't the owner's account",
                            "Only the owner's own Spotify account can connect here, and the one you signed in with is a different one. "
                                    + "Nothing was changed. To make another account the owner, set EARSHOT_OWNER_ID to its Spotify user id "
                                    + "and restart.",
                            "/owner/connect",
                            "Try another account",
                            null)
                    .cookie(attemptsAfter)
                    .build());
        }
        // Built here, where the request is current (a relative Location needs it) ...
        Response connected = Response.seeOther(URI.create(CONNECTED_PAGE))
                .cookie(attemptsAfter)
                .build();
        // ... while saving the token, which writes a file, runs on a worker thread, not the event loop.
        return CompletableFuture.runAsync(() -> owner.connect(grant, user.id()), Infrastructure.getDefaultWorkerPool())
                .thenApply(saved -> connected);
    }
}
