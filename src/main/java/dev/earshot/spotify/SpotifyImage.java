package dev.earshot.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Album, show, artist or profile art in one size. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyImage(String url, Integer height, Integer width) {}
