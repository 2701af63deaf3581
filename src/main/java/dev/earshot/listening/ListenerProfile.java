package dev.earshot.listening;

import java.util.List;

/**
 * Who signed in, in the app's own terms: Spotify's user id and display name (either may be missing) and
 * the http(s) addresses of their profile pictures, smallest first.
 */
public record ListenerProfile(String id, String displayName, List<String> pictureUrls) {

    public ListenerProfile {
        pictureUrls = List.copyOf(pictureUrls);
    }
}
