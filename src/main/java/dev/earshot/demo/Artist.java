package dev.earshot.demo;

import java.util.List;

/** A sample artist; genres may be empty, as they are for many real artists. */
record Artist(String id, String name, List<String> genres, int popularity) {}
