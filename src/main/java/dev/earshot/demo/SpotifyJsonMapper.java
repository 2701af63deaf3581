package dev.earshot.demo;

import java.util.List;

/** Dresses the sample catalogue in Spotify's JSON, with art and links pointing at the sandbox's own origin. */
final class SpotifyJsonMapper {

    private final String origin;

    SpotifyJsonMapper(String origin) {
        this.origin = origin;
    }

    SpotifyJson.User user() {
        return new SpotifyJson.User(
                DemoListener.ID,
                DemoListener.DISPLAY_NAME,
                "user",
                "spotify:user:" + DemoListener.ID,
                images(DemoListener.ID),
                external("user", DemoListener.ID));
    }

    SpotifyJson.FullTrack track(Track track) {
        return new SpotifyJson.FullTrack(
                track.id(),
                track.name(),
                "track",
                "spotify:track:" + track.id(),
                track.duration().toMillis(),
                track.explicit(),
                false,
                external("track", track.id()),
                simplifiedArtists(track.artists()),
                album(track.album()));
    }

    SpotifyJson.FullEpisode episode(Episode episode) {
        Show show = episode.show();
        return new SpotifyJson.FullEpisode(
                episode.id(),
                episode.name(),
                "episode",
                "spotify:episode:" + episode.id(),
                episode.duration().toMillis(),
                false,
                episode.releaseDate(),
                images(episode.id()),
                external("episode", episode.id()),
                new SpotifyJson.SimplifiedShow(
                        show.id(),
                        show.name(),
                        "show",
                        "spotify:show:" + show.id(),
                        show.publisher(),
                        images(show.id()),
                        external("show", show.id())));
    }

    Object item(Playable playable) {
        // Java 17 has no pattern switch; Playable is sealed to exactly these two.
        return playable instanceof Track track ? track(track) : episode((Episode) playable);
    }

    SpotifyJson.FullArtist artist(Artist artist) {
        return new SpotifyJson.FullArtist(
                artist.id(),
                artist.name(),
                "artist",
                "spotify:artist:" + artist.id(),
                external("artist", artist.id()),
                images(artist.id()));
    }

    /** Absolute, like Spotify's: {@code origin} plus the sandbox's API path plus {@code pathAndQuery}. */
    String apiUrl(String pathAndQuery) {
        return origin + DemoSandbox.API_PATH + pathAndQuery;
    }

    private SpotifyJson.SimplifiedAlbum album(Album album) {
        return new SpotifyJson.SimplifiedAlbum(
                album.id(),
                album.name(),
                "album",
                "spotify:album:" + album.id(),
                album.albumType(),
                album.releaseDate(),
                "day",
                images(album.id()),
                external("album", album.id()),
                simplifiedArtists(album.artists()));
    }

    private List<SpotifyJson.SimplifiedArtist> simplifiedArtists(List<Artist> artists) {
        return artists.stream()
                .map(artist -> new SpotifyJson.SimplifiedArtist(
                        artist.id(),
                        artist.name(),
                        "artist",
                        "spotify:artist:" + artist.id(),
                        external("artist", artist.id())))
                .toList();
    }

    /** Spotify's three sizes; one generated SVG scales to all of them. */
    private List<SpotifyJson.Image> images(String id) {
        String url = origin + DemoSandbox.ART_PATH + "/" + id + ".svg";
        return List.of(
                new SpotifyJson.Image(url, 640, 640),
                new SpotifyJson.Image(url, 300, 300),
                new SpotifyJson.Image(url, 64, 64));
    }

    private static SpotifyJson.ExternalUrls external(String type, String id) {
        return new SpotifyJson.ExternalUrls("https://open.spotify.com/" + type + "/" + id);
    }
}
