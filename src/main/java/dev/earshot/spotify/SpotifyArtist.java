package dev.earshot.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** An artist, simplified (inside a track) or full (top artists); genres may be absent for Development Mode apps. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyArtist(
        String id, String name, SpotifyExternalUrls externalUrls, List<SpotifyImage> images, List<String> genres) {}
