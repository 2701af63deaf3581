package dev.earshot.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A page of items: top tracks, top artists or recently played. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyPage<T>(List<T> items, Integer total) {}
