package dev.earshot.listening;

import java.util.List;
import java.util.stream.Stream;

/** Everything the dashboard shows of a listener, each part filled or with its own problem (R09). */
public record Listening(
        Section<NowPlaying> nowPlaying,
        Section<List<Play>> recentlyPlayed,
        Section<List<Track>> topTracks,
        Section<List<Artist>> topArtists,
        TimeRange range) {

    /** True when a section found the sign-in dead: then the page signs the visitor out instead. */
    public boolean sessionEnded() {
        return Stream.of(nowPlaying, recentlyPlayed, topTracks, topArtists)
                .anyMatch(section -> section.problem() == Problem.SESSION_ENDED);
    }
}
