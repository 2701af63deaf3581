package dev.earshot.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The taste charts count what they say they count. */
class TasteChartsTest {

    private static Track track(String artist, Integer year) {
        return new Track("id", "t", List.of(new ArtistCredit(artist, null)), null, null, null, 0, year);
    }

    @Test
    void recentPlaysAreCountedByFirstArtistMostFirst() {
        List<Play> plays = List.of(
                new Play(track("A", 2020), Instant.EPOCH),
                new Play(track("B", 2020), Instant.EPOCH),
                new Play(track("A", 2020), Instant.EPOCH));
        assertEquals(
                List.of(new ChartBar("A", 2, 100), new ChartBar("B", 1, 50)), TasteCharts.artistsInRecentPlays(plays));
    }

    @Test
    void decadesIgnoreUnknownYears() {
        List<ChartBar> bars =
                TasteCharts.decades(List.of(track("A", 1987), track("A", 2021), track("A", 2023), track("A", null)));
        assertEquals(List.of(new ChartBar("2020s", 2, 100), new ChartBar("1980s", 1, 50)), bars);
    }

    @Test
    void genresWeighTopArtistsMoreAndAreEmptyWithoutGenres() {
        List<Artist> artists = List.of(
                new Artist("1", "A", null, null, List.of("pop")),
                new Artist("2", "B", null, null, List.of("jazz", "pop")));
        assertEquals("pop", TasteCharts.genres(artists).get(0).label());
        assertEquals(List.of(), TasteCharts.genres(List.of(new Artist("1", "A", null, null, List.of()))));
    }
}
