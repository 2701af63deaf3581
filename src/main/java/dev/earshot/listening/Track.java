package dev.earshot.listening;

import java.util.List;

/** A track as Earshot shows it; everything but the name may be missing (local files, sparse payloads). */
public record Track(
        String id,
        String name,
        List<ArtistCredit> artists,
        String albumName,
        String imageUrl,
        String spotifyUrl,
        long durationMs,
        Integer releaseYear) {

    public String artistNames() {
        return String.join(", ", artists.stream().map(ArtistCredit::name).toList());
    }
}
