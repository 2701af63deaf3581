package dev.earshot.demo;

/**
 * A sample artist, with only what Spotify sends Development Mode apps since 2026: no genres, no popularity
 * (SPOTIFY.md, "top artists carry only external_urls, href, id, images, name, type, uri").
 */
record Artist(String id, String name) {}
