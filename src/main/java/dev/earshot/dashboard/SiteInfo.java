package dev.earshot.dashboard;

import dev.earshot.config.SpotifySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * What every page's frame ({@code layout.html}) needs to know, available to templates as {@code inject:site}.
 * Lives with the pages rather than in {@code web}, which stays a leaf that knows nothing of the app.
 */
@ApplicationScoped
@Named("site")
public class SiteInfo {

    private final SpotifySettings spotify;

    SiteInfo(SpotifySettings spotify) {
        this.spotify = spotify;
    }

    /** Demo mode shows a banner on every page: the data is not anyone's. */
    public boolean demo() {
        return spotify.demo();
    }
}
