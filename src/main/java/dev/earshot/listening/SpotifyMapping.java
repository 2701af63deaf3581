package dev.earshot.listening;

import dev.earshot.spotify.SpotifyAlbum;
import dev.earshot.spotify.SpotifyArtist;
import dev.earshot.spotify.SpotifyCurrentlyPlaying;
import dev.earshot.spotify.SpotifyExternalUrls;
import dev.earshot.spotify.SpotifyImage;
import dev.earshot.spotify.SpotifyItem;
import dev.earshot.spotify.SpotifyPlayHistory;
import dev.earshot.spotify.SpotifyShow;
import dev.earshot.spotify.SpotifyUser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns Spotify's wire records into Earshot's model. Every optional field may be missing, so nothing
 * here assumes more than an item's existence (R06, R07); wire records stop here.
 */
final class SpotifyMapping {

    /** Art size for lists and the now-playing card; Spotify offers 64, 300 and 640 px, in no fixed order. */
    static final int ART_PX = 300;

    private SpotifyMapping() {}

    static NowPlaying nowPlaying(Optional<SpotifyCurrentlyPlaying> answer) {
        if (answer.isEmpty() || answer.get().item() == null) {
            // 204, a private session, an ad or an unknown item: nothing to show, and no error (R06).
            return NowPlaying.idle();
        }
        SpotifyCurrentlyPlaying playing = answer.get();
        SpotifyItem item = playing.item();
        boolean episode = "episode".equals(playing.currentlyPlayingType()) || "episode".equals(item.type());
        if (!episode && !"track".equals(item.type()) && item.album() == null && item.artists() == null) {
            return NowPlaying.idle();
        }
        NowPlaying.Status status =
                Boolean.TRUE.equals(playing.isPlaying()) ? NowPlaying.Status.PLAYING : NowPlaying.Status.PAUSED;
        long progress = Math.max(0, orZero(playing.progressMs()));
        long duration = Math.max(0, orZero(item.durationMs()));
        long timestamp = orZero(playing.timestamp());
        String title = nonBlank(item.name(), episode ? "Untitled episode" : "Untitled track");
        if (episode) {
            SpotifyShow show = item.show();
            String showName = show == null ? null : show.name();
            String publisher = show == null ? null : nonBlank(show.publisher(), show.name());
            List<ArtistCredit> creators =
                    publisher == null ? List.of() : List.of(new ArtistCredit(publisher, url(show.externalUrls())));
            String image = image(item.images())
                    .or(() -> show == null ? Optional.empty() : image(show.images()))
                    .orElse(null);
            return new NowPlaying(
                    status,
                    NowPlaying.Kind.EPISODE,
                    progress,
                    duration,
                    timestamp,
                    item.id(),
                    title,
                    creators,
                    showName,
                    image,
                    url(item.externalUrls()));
        }
        SpotifyAlbum album = item.album();
        return new NowPlaying(
                status,
                NowPlaying.Kind.TRACK,
                progress,
                duration,
                timestamp,
                item.id(),
                title,
                credits(item.artists()),
                album == null ? null : album.name(),
                album == null ? null : image(album.images()).orElse(null),
                url(item.externalUrls()));
    }

    static List<Play> plays(List<SpotifyPlayHistory> history) {
        return history.stream()
                .filter(entry -> entry.track() != null)
                .map(entry -> new Play(track(entry.track()), instant(entry.playedAt())))
                .filter(play -> play.playedAt() != null)
                .toList();
    }

    static List<Track> tracks(List<SpotifyItem> items) {
        return items.stream().map(SpotifyMapping::track).toList();
    }

    static Track track(SpotifyItem item) {
        SpotifyAlbum album = item.album();
        return new Track(
                item.id(),
                nonBlank(item.name(), "Untitled track"),
                credits(item.artists()),
                album == null ? null : album.name(),
                album == null ? null : image(album.images()).orElse(null),
                url(item.externalUrls()),
                orZero(item.durationMs()),
                album == null ? null : year(album.releaseDate()));
    }

    static List<Artist> artists(List<SpotifyArtist> artists) {
        return artists.stream()
                .map(a -> new Artist(
                        a.id(),
                        nonBlank(a.name(), "Unknown artist"),
                        image(a.images()).orElse(null),
                        url(a.externalUrls()),
                        a.genres() == null
                                ? List.of()
                                : a.genres().stream().filter(Objects::nonNull).toList()))
                .toList();
    }

    static ListenerProfile profile(SpotifyUser user) {
        List<String> pictures = user.images() == null
                ? List.of()
                : user.images().stream()
                        .filter(image -> image != null
                                && image.url() != null
                                && image.url().startsWith("http"))
                        .sorted(Comparator.comparingInt(
                                (SpotifyImage image) -> image.width() == null ? Integer.MAX_VALUE : image.width()))
                        .map(SpotifyImage::url)
                        .toList();
        return new ListenerProfile(user.id(), user.displayName(), pictures);
    }

    /** The smallest image at least {@link #ART_PX} wide, else the largest; only http(s) URLs. */
    static Optional<String> image(List<SpotifyImage> images) {
        if (images == null) {
            return Optional.empty();
        }
        List<SpotifyImage> usable = images.stream()
                .filter(i -> i != null
                        && i.url() != null
                        && (i.url().startsWith("https://") || i.url().startsWith("http://")))
                .toList();
        Comparator<SpotifyImage> bySize = Comparator.comparingInt(i -> i.width() == null ? 0 : i.width());
        return usable.stream()
                .filter(i -> i.width() != null && i.width() >= ART_PX)
                .min(bySize)
                .or(() -> usable.stream().max(bySize))
                .map(SpotifyImage::url);
    }

    private static List<ArtistCredit> credits(List<SpotifyArtist> artists) {
        if (artists == null) {
            return List.of();
        }
        return artists.stream()
                .filter(a -> a != null && a.name() != null)
                .map(a -> new ArtistCredit(a.name(), url(a.externalUrls())))
                .toList();
    }

    private static String url(SpotifyExternalUrls urls) {
        return urls == null || urls.spotify() == null || !urls.spotify().startsWith("https://") ? null : urls.spotify();
    }

    private static Integer year(String releaseDate) {
        if (releaseDate == null || releaseDate.length() < 4) {
            return null;
        }
        try {
            return Integer.parseInt(releaseDate.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
