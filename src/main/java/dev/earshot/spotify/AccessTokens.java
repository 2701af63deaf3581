package dev.earshot.spotify;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Where a Web API call gets its bearer token: a signed-in visitor's session or the owner's account.
 * The Web API client asks for a new one once when Spotify rejects a token (R03).
 */
public interface AccessTokens {

    /** A token that is valid for at least a minute, refreshed first when needed. */
    CompletionStage<String> current();

    /**
     * A token to retry with after Spotify answered 401 for {@code rejected}: a refreshed one, or the
     * one a concurrent refresh already produced. Fails with {@link SpotifyException.Unauthorized} or
     * {@link SpotifyException.GrantRejected} when no new token can be had.
     */
    CompletionStage<String> replacing(String rejected);

    /** A token that cannot be refreshed, e.g. the one a sign-in has just obtained. */
    static AccessTokens fixed(String token) {
        return pinned(
                token,
                rejected -> CompletableFuture.failedFuture(
                        new SpotifyException.Unauthorized("A fresh token was rejected")));
    }

    /** {@code token} as the current one, e.g. for a call shared by several callers; a 401 still asks these tokens for a replacement. */
    default AccessTokens pinnedTo(String token) {
        return pinned(token, this::replacing);
    }

    private static AccessTokens pinned(String token, Function<String, CompletionStage<String>> replacement) {
        return new AccessTokens() {
            @Override
            public CompletionStage<String> current() {
                return CompletableFuture.completedFuture(token);
            }

            @Override
            public CompletionStage<String> replacing(String rejected) {
                return replacement.apply(rejected);
            }
        };
    }
}
