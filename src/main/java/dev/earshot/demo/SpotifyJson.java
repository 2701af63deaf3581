package dev.earshot.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The JSON objects of Spotify's Web API the sandbox answers with, field for field. Nulls are
 * written out (Spotify sends {@code "context": null}), whatever the app's global Jackson settings.
 */
final class SpotifyJson {

    private SpotifyJson() {}

    record Image(String url, int height, int width) {}

    record ExternalUrls(String spotify) {}

    record SimplifiedArtist(
            String id,
            String name,
            String type,
            String uri,
            @JsonProperty("external_urls") ExternalUrls externalUrls) {}

    record FullArtist(
            String id,
            String name,
            String type,
            String uri,
            @JsonProperty("external_urls") ExternalUrls externalUrls,
            List<Image> images) {}

    record SimplifiedAlbum(
            String id,
            String name,
            String type,
            String uri,
            @JsonProperty("album_type") String albumType,
            @JsonProperty("release_date") String releaseDate,
            @JsonProperty("release_date_precision") String releaseDatePrecision,
            List<Image> images,
            @JsonProperty("external_urls") ExternalUrls externalUrls,
            List<SimplifiedArtist> artists) {}

    record FullTrack(
            String id,
            String name,
            String type,
            String uri,
            @JsonProperty("duration_ms") long durationMs,
            boolean explicit,
            @JsonProperty("is_local") boolean isLocal,
            @JsonProperty("external_urls") ExternalUrls externalUrls,
            List<SimplifiedArtist> artists,
            SimplifiedAlbum album) {}

    record SimplifiedShow(
            String id,
            String name,
            String type,
            String uri,
            String publisher,
            List<Image> images,
            @JsonProperty("external_urls") ExternalUrls externalUrls) {}

    record FullEpisode(
            String id,
            String name,
            String type,
            String uri,
            @JsonProperty("duration_ms") long durationMs,
            boolean explicit,
            @JsonProperty("release_date") String releaseDate,
            List<Image> images,
            @JsonProperty("external_urls") ExternalUrls externalUrls,
            SimplifiedShow show) {}

    record User(
            String id,
            @JsonProperty("display_name") String displayName,
            String type,
            String uri,
            List<Image> images,
            @JsonProperty("external_urls") ExternalUrls externalUrls) {}

    /** {@code item} is a {@link FullTrack}, a {@link FullEpisode}, or null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CurrentlyPlaying(
            long timestamp,
            @JsonProperty("progress_ms") Long progressMs,
            @JsonProperty("is_playing") boolean isPlaying,
            @JsonProperty("currently_playing_type") String currentlyPlayingType,
            Object item,
            Object context,
            Map<String, Object> actions) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlayHistory(
            FullTrack track, @JsonProperty("played_at") String playedAt, Object context) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Cursors(String after, String before) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CursorPage<T>(List<T> items, String next, Cursors cursors, int limit, String href) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page<T>(List<T> items, int total, int limit, int offset, String href, String next, String previous) {}

    record Error(int status, String message) {}

    record ErrorBody(Error error) {}
}
