package dev.earshot.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One entry of recently played: the track and when it was played (ISO-8601). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyPlayHistory(SpotifyItem track, String playedAt) {}
