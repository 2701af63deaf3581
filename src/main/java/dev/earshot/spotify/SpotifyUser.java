package dev.earshot.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The signed-in user from {@code GET /v1/me}; deprecated fields (email, country, product) are not read. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyUser(String id, String displayName, List<SpotifyImage> images, SpotifyExternalUrls externalUrls) {}
