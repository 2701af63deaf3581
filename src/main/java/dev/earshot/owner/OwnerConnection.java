package dev.earshot.owner;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import dev.earshot.auth.OwnerSignIns;
import dev.earshot.config.OwnerConfig;
import dev.earshot.spotify.SpotifyUser;
import dev.earshot.spotify.TokenGrant;
import dev.earshot.web.ErrorPage;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Finishes an owner sign-in: when {@code EARSHOT_OWNER_ID} is set the Spotify account must be that
 * one; otherwise the sign-in was only started after the setup code was checked.
 */
@ApplicationScoped
public class OwnerConnection implements OwnerSignIns {

    private final OwnerAccount owner;
    private final OwnerConfig config;

    OwnerConnection(OwnerAccount owner, OwnerConfig config) {
        this.owner = owner;
        this.config = config;
    }

    @Override
    public CompletionStage<Response> completed(TokenGrant grant, SpotifyUser user, NewCookie attemptsAfter) {
        var expected = config.id().filter(id -> !id.isBlank());
        if (expected.isPresent() && !expected.get().equals(user.id())) {
            return CompletableFuture.completedFuture(ErrorPage.of(Response.Status.FORBIDDEN, "That isn't the owner's account",
                    "This server's owner is set by EARSHOT_OWNER_ID, and the Spotify account you signed in with is a different one. "
                            + "Nothing was changed.",
                    "/owner/connect", "Try another account", null)
                    .cookie(attemptsAfter).build());
        }
        // Built here, where the request is current (a relative Location needs it) ...
        Response connected = Response.seeOther(URI.create("/setup?connected=true")).cookie(attemptsAfter).build();
        // ... while saving the token, which writes a file, runs on a worker thread, not the event loop.
        return CompletableFuture.runAsync(() -> owner.connect(grant, user.id()), Infrastructure.getDefaultWorkerPool())
                .thenApply(saved -> connected);
    }
}
