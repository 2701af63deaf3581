package dev.earshot.listening;

/** A name credited on a track (an artist) or episode (the show's publisher), with its Spotify link if any. */
public record ArtistCredit(String name, String spotifyUrl) {}
