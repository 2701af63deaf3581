package dev.earshot.auth;

import java.time.Instant;
import java.util.Optional;

/** What the server holds for one holder, without the token itself: whose it is, when they signed in, and whether Spotify rejected it. */
public record HeldToken(String holder, String listenerId, Instant signedInAt, Optional<Instant> rejectedAt) {}
