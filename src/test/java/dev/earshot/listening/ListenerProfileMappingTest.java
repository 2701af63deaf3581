package dev.earshot.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.spotify.SpotifyImage;
import dev.earshot.spotify.SpotifyUser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-in sees a {@link ListenerProfile}, made from {@code GET /v1/me} by {@link SpotifyMapping}. */
class ListenerProfileMappingTest {

    @Test
    void picturesComeSmallestFirstWithoutUnusableOnesAndUnknownWidthsLast() {
        SpotifyUser user = new SpotifyUser(
                "ada",
                "Ada Listener",
                Arrays.asList(
                        new SpotifyImage("https://i.scdn.co/image/avatar300", 300, 300),
                        null,
                        new SpotifyImage("https://i.scdn.co/image/unsized", null, null),
                        new SpotifyImage(null, 32, 32),
                        new SpotifyImage("data:image/png;base64,AAAA", 16, 16),
                        new SpotifyImage("https://i.scdn.co/image/avatar64", 64, 64)),
                null);

        ListenerProfile profile = SpotifyMapping.profile(user);

        assertEquals(
                new ListenerProfile(
                        "ada",
                        "Ada Listener",
                        List.of(
                                "https://i.scdn.co/image/avatar64",
                                "https://i.scdn.co/image/avatar300",
                                "https://i.scdn.co/image/unsized")),
                profile);
    }

    @Test
    void aUserWithoutPicturesOrNameIsStillAProfile() {
        assertEquals(
                new ListenerProfile("bea", null, List.of()),
                SpotifyMapping.profile(new SpotifyUser("bea", null, null, null)));
    }
}
