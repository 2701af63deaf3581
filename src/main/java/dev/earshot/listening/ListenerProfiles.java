package dev.earshot.listening;

import dev.earshot.spotify.AccessTokens;
import dev.earshot.spotify.SpotifyWebApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/** Fetches the profile of whoever holds {@code tokens}, so sign-in sees {@link ListenerProfile}, never Spotify's JSON. */
@ApplicationScoped
public class ListenerProfiles {

    private final SpotifyWebApi web;

    ListenerProfiles(SpotifyWebApi web) {
        this.web = web;
    }

    public CompletionStage<ListenerProfile> of(AccessTokens tokens) {
        return web.me(tokens).thenApply(SpotifyMapping::profile);
    }
}
