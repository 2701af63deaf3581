package dev.earshot.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The answer of {@code GET /v1/me/player/currently-playing} when it is not a 204. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyCurrentlyPlaying(
        Boolean isPlaying, Long progressMs, Long timestamp, String currentlyPlayingType, SpotifyItem item) {}
