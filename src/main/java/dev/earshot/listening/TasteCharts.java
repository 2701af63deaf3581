package dev.earshot.listening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A listening taste at a glance, from data Spotify still gives Development Mode apps: who filled the
 * recent plays, which decades the top tracks come from, and (when Spotify sends them) top genres.
 */
public final class TasteCharts {

    static final int MAX_BARS = 6;

    private TasteCharts() {}

    /** Artists by number of plays among the recent ones (each track counts for its first artist). */
    public static List<ChartBar> artistsInRecentPlays(List<Play> plays) {
        return bars(plays.stream()
                .filter(play -> !play.track().artists().isEmpty())
                .collect(Collectors.groupingBy(
                        play -> play.track().artists().get(0).name(),
                        LinkedHashMap::new,
                        Collectors.summingInt(p -> 1))));
    }

    /** Top tracks by the decade their album came out, newest decade first among equals. */
    public static List<ChartBar> decades(List<Track> tracks) {
        Map<String, Integer> counts = tracks.stream()
                .filter(track -> track.releaseYear() != null && track.releaseYear() > 1800)
                .sorted((a, b) -> Integer.compare(b.releaseYear(), a.releaseYear()))
                .collect(Collectors.groupingBy(
                        track -> (track.releaseYear() / 10 * 10) + "s",
                        LinkedHashMap::new,
                        Collectors.summingInt(t -> 1)));
        return bars(counts);
    }

    /** Genres across the top artists, higher-ranked artists weighing more; empty when Spotify sends none. */
    public static List<ChartBar> genres(List<Artist> artists) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int rank = 0; rank < artists.size(); rank++) {
            int weight = Math.max(1, artists.size() - rank);
            for (String genre : artists.get(rank).genres()) {
                weights.merge(genre, weight, Integer::sum);
            }
        }
        return bars(weights);
    }

    private static List<ChartBar> bars(Map<String, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_BARS)
                .map(e -> new ChartBar(e.getKey(), e.getValue(), max == 0 ? 0 : Math.max(2, e.getValue() * 100 / max)))
                .toList();
    }
}
