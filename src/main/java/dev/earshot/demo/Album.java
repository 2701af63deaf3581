package dev.earshot.demo;

import java.util.List;

/** A sample album, single or compilation, possibly by several artists. */
record Album(String id, String name, String albumType, String releaseDate, List<Artist> artists) {}
