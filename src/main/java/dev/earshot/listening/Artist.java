package dev.earshot.listening;

import java.util.List;

/** An artist in the top list; genres are often empty for Development Mode apps. */
public record Artist(String id, String name, String imageUrl, String spotifyUrl, List<String> genres) {

    /** The first two genres, for a one-line caption. */
    public String genreSummary() {
        return String.join(", ", genres.stream().limit(2).toList());
    }
}
