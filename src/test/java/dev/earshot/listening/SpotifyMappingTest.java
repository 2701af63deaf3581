package dev.earshot.listening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.spotify.SpotifyArtist;
import dev.earshot.spotify.SpotifyCurrentlyPlaying;
import dev.earshot.spotify.SpotifyItem;
import dev.earshot.spotify.SpotifyPlayHistory;
import dev.earshot.testing.FakeSpotify;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Spotify's answers, read as the app reads them (JSON, unknown fields ignored), turned into Earshot's model:
 * whatever a field holds or lacks, the mapping answers something showable (R06, R07).
 */
class SpotifyMappingTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aPlayingTrackWithItsArtistsAlbumAndTheSmallestArtAtLeast300Wide() {
        NowPlaying track =
                SpotifyMapping.nowPlaying(Optional.of(playing(FakeSpotify.fixture("currently-playing-track.json"))));

        assertEquals(NowPlaying.Status.PLAYING, track.status());
        assertEquals(NowPlaying.Kind.TRACK, track.kind());
        assertEquals("trk1", track.itemId());
        assertEquals("Night Drive", track.title());
        assertEquals("The Lamplighters, Mira Sol", track.creatorNames());
        assertEquals(
                "https://open.spotify.com/artist/art1", track.creators().get(0).spotifyUrl());
        assertNull(track.creators().get(1).spotifyUrl(), "an artist without a link has none");
        assertEquals("Neon Rivers", track.collection());
        assertEquals("https://i.scdn.co/image/np300", track.imageUrl());
        assertEquals(83_000, track.progressMs());
        assertEquals(225_000, track.durationMs());
        assertEquals(1_763_900_000_000L, track.timestampMs());
        assertEquals("https://open.spotify.com/track/trk1", track.spotifyUrl());
    }

    @Test
    void anEpisodeIsCreditedToItsShowsPublisher() {
        NowPlaying episode =
                SpotifyMapping.nowPlaying(Optional.of(playing(FakeSpotify.fixture("currently-playing-episode.json"))));

        assertEquals(NowPlaying.Kind.EPISODE, episode.kind());
        assertEquals("How Playlists Learned to Listen", episode.title());
        assertEquals("Backroom Radio", episode.creatorNames());
        assertEquals("Signal & Noise", episode.collection(), "markup characters stay text; templates escape them");
        assertEquals("https://i.scdn.co/image/ep300", episode.imageUrl());
    }

    @Test
    void anEpisodeWithoutImagesOrPublisherFallsBackToTheShow() {
        NowPlaying episode = SpotifyMapping.nowPlaying(Optional.of(playing("""
                {"is_playing": false, "currently_playing_type": "episode",
                 "item": {"type": "episode", "name": " ",
                          "show": {"name": "The Show", "images": [{"url": "https://i.scdn.co/image/show64", "width": 64}]}}}""")));

        assertEquals(NowPlaying.Status.PAUSED, episode.status());
        assertEquals("Untitled episode", episode.title(), "a blank name gets a readable one");
        assertEquals("The Show", episode.creatorNames(), "the show stands in for a missing publisher");
        assertEquals("https://i.scdn.co/image/show64", episode.imageUrl(), "the show's art when the episode has none");
    }

    @Test
    void aLocalFileHasNoIdsLinksOrArtButIsStillShown() {
        NowPlaying local =
                SpotifyMapping.nowPlaying(Optional.of(playing(FakeSpotify.fixture("currently-playing-local.json"))));

        assertEquals(NowPlaying.Kind.TRACK, local.kind());
        assertEquals("home-recording.mp3", local.title());
        assertEquals("Me", local.creatorNames());
        assertNull(local.itemId());
        assertNull(local.imageUrl());
        assertNull(local.spotifyUrl());
    }

    @Test
    void r06_anAdANullItemOrNothingAtAllIsIdle() {
        assertTrue(SpotifyMapping.nowPlaying(Optional.of(playing(FakeSpotify.fixture("currently-playing-ad.json"))))
                .isIdle());
        assertTrue(SpotifyMapping.nowPlaying(Optional.of(playing("{\"is_playing\": true, \"item\": null}")))
                .isIdle());
        assertTrue(SpotifyMapping.nowPlaying(Optional.empty()).isIdle());
        assertTrue(
                SpotifyMapping.nowPlaying(Optional.of(playing(
                                "{\"currently_playing_type\": \"unknown\", \"item\": {\"type\": \"chapter\"}}")))
                        .isIdle(),
                "an item of an unknown kind without track fields");
    }

    @Test
    void r07_missingFieldsGetSafeValues() {
        NowPlaying bare = SpotifyMapping.nowPlaying(Optional.of(playing("{\"item\": {\"type\": \"track\"}}")));

        assertEquals(NowPlaying.Status.PAUSED, bare.status(), "no is_playing is not playing");
        assertEquals("Untitled track", bare.title());
        assertEquals(List.of(), bare.creators());
        assertNull(bare.collection());
        assertNull(bare.imageUrl());
        assertEquals(0, bare.progressMs());
        assertEquals(0, bare.durationMs());

        NowPlaying negative = SpotifyMapping.nowPlaying(
                Optional.of(playing("{\"progress_ms\": -5, \"item\": {\"type\": \"track\", \"duration_ms\": -1}}")));
        assertEquals(0, negative.progressMs());
        assertEquals(0, negative.durationMs());
    }

    @Test
    void markupInNamesIsKeptAsTextForTheTemplatesToEscape() {
        Track track = SpotifyMapping.track(item("""
                {"name": "<script>alert(1)</script>", "artists": [{"name": "\\"Quotes\\" & <b>"}, null, {"id": "no-name"}],
                 "album": {"name": "<img src=x onerror=alert(1)>", "release_date": "20x"}}"""));

        assertEquals("<script>alert(1)</script>", track.name());
        assertEquals("\"Quotes\" & <b>", track.artistNames(), "null artists and artists without a name are left out");
        assertEquals("<img src=x onerror=alert(1)>", track.albumName());
        assertNull(track.releaseYear(), "an unreadable release date has no year");
    }

    @Test
    void onlyHttpsSpotifyLinksAndHttpImagesAreKept() {
        Track track = SpotifyMapping.track(item("""
                {"name": "Links", "external_urls": {"spotify": "javascript:alert(1)"},
                 "album": {"images": [{"url": "javascript:alert(1)", "width": 300}, {"url": "data:image/png;base64,AA", "width": 640},
                                      {"url": "https://i.scdn.co/image/a64", "width": 64}, null]}}"""));

        assertNull(track.spotifyUrl());
        assertEquals("https://i.scdn.co/image/a64", track.imageUrl(), "the largest usable image when none is 300 wide");
    }

    @Test
    void imagesWithoutWidthsOrNoImagesAtAll() {
        assertEquals(Optional.empty(), SpotifyMapping.image(null));
        assertEquals(Optional.empty(), SpotifyMapping.image(List.of()));
        assertEquals(
                Optional.of("https://i.scdn.co/image/x"),
                SpotifyMapping.image(item("{\"images\": [{\"url\": \"https://i.scdn.co/image/x\"}]}")
                        .images()));
    }

    @Test
    void recentPlaysWithoutATrackOrWithAnUnreadableTimeAreLeftOut() throws JsonProcessingException {
        List<SpotifyPlayHistory> history = JSON.readValue("""
                [{"track": {"name": "Kept"}, "played_at": "2026-11-30T04:00:00.000Z"},
                 {"track": null, "played_at": "2026-11-30T03:50:00.000Z"},
                 {"track": {"name": "Bad time"}, "played_at": "yesterday"},
                 {"track": {"name": "No time"}}]""", new TypeReference<List<SpotifyPlayHistory>>() {});

        List<Play> plays = SpotifyMapping.plays(history);
        assertEquals(1, plays.size());
        assertEquals("Kept", plays.get(0).track().name());
        assertEquals(Instant.parse("2026-11-30T04:00:00Z"), plays.get(0).playedAt());
    }

    @Test
    void topArtistsWithoutNamesImagesOrGenres() throws JsonProcessingException {
        List<SpotifyArtist> artists = JSON.readValue("""
                [{"id": "a1", "name": null, "genres": ["jazz", null]}, {"id": "a2", "name": "Named"}]""", new TypeReference<List<SpotifyArtist>>() {});

        List<Artist> mapped = SpotifyMapping.artists(artists);
        assertEquals("Unknown artist", mapped.get(0).name());
        assertEquals(List.of("jazz"), mapped.get(0).genres());
        assertEquals(List.of(), mapped.get(1).genres());
        assertNull(mapped.get(1).imageUrl());
    }

    private static SpotifyCurrentlyPlaying playing(String json) {
        return read(json, SpotifyCurrentlyPlaying.class);
    }

    private static SpotifyItem item(String json) {
        return read(json, SpotifyItem.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("test JSON does not parse: " + json, e);
        }
    }
}
