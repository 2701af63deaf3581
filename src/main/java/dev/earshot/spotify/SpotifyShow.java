package dev.earshot.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The podcast show an episode belongs to. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyShow(
        String id, String name, String publisher, List<SpotifyImage> images, SpotifyExternalUrls externalUrls) {}
