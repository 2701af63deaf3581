package dev.earshot.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A playable item: a track (artists, album) or a podcast episode (show, images); any field may be missing. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyItem(
        String id,
        String name,
        String type,
        Long durationMs,
        Boolean isLocal,
        SpotifyExternalUrls externalUrls,
        List<SpotifyArtist> artists,
        SpotifyAlbum album,
        SpotifyShow show,
        List<SpotifyImage> images) {}
