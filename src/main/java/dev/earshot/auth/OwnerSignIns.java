package dev.earshot.auth;

import dev.earshot.listening.ListenerProfile;
import dev.earshot.spotify.TokenGrant;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * Takes a completed sign-in that was started to connect the owner's account (the owner package
 * implements it), so the callback can hand over without knowing what an owner is.
 */
public interface OwnerSignIns {

    /**
     * The answer to the browser; {@code attemptsAfter} must be set on it to clear the used attempt.
     * Asynchronous, because keeping the owner's token touches the disk and the callback runs on the event loop.
     */
    CompletionStage<Response> completed(TokenGrant grant, ListenerProfile user, NewCookie attemptsAfter);
}
