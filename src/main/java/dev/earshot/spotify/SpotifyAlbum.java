package dev.earshot.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** An album as it appears inside a track. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyAlbum(
        String id, String name, List<SpotifyImage> images, String releaseDate, SpotifyExternalUrls externalUrls) {}
