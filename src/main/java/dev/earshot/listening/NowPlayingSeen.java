package dev.earshot.listening;

import java.time.Instant;

/**
 * Fired (asynchronously) each time the now-playing feed got an answer from Spotify for {@code listener} (a user
 * id, or {@code "owner:"} for the owner's widget), so others can use what was fetched without calling again.
 */
public record NowPlayingSeen(String listener, NowPlaying nowPlaying, Instant fetchedAt) {}
