package dev.earshot.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * What the server holds for one holder, without the token itself: whose it is, when they signed in (null when
 * unknown: a token from {@code SPOTIFY_REFRESH_TOKEN}), and when Spotify rejected it ({@code invalid_grant}), if it did.
 */
public record HeldToken(String holder, String listenerId, Instant signedInAt, Optional<Instant> rejectedAt) {}
