package dev.earshot.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The sandbox's Web API, standing in for the few {@code https://api.spotify.com/v1} endpoints the app reads. */
@Path(DemoSandbox.API_PATH + "/v1")
@Produces(MediaType.APPLICATION_JSON)
public class WebApiResource {

    private static final String CURRENTLY_PLAYING = "user-read-currently-playing";
    private static final String PLAYBACK_STATE = "user-read-playback-state";
    private static final String RECENTLY_PLAYED = "user-read-recently-played";
    private static final String TOP_READ = "user-top-read";
    /** Spotify keeps only the last 50 plays. */
    private static final int RECENT_PLAYS_KEPT = 50;

    private static final DateTimeFormatter PLAYED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final AccessTokenCheck access;
    private final DemoPlayback playback;
    private final DemoClock clock;
    private final DemoMode demoMode;

    WebApiResource(AccessTokenCheck access, DemoPlayback playback, DemoClock clock, DemoMode demoMode) {
        this.access = access;
        this.playback = playback;
        this.clock = clock;
        this.demoMode = demoMode;
    }

    @GET
    @Path("me")
    public SpotifyJson.User me(@HeaderParam("Authorization") String authorization) {
        // Spotify needs no scope for the public profile fields.
        access.scopes(authorization);
        return json().user();
    }

    @GET
    @Path("me/player/currently-playing")
    public Response currentlyPlaying(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("additional_types") String additionalTypes) {
        access.require(authorization, CURRENTLY_PLAYING, PLAYBACK_STATE);
        boolean episodesWanted = additionalTypes != null
                && Arrays.asList(additionalTypes.split(",")).contains("episode");
        return playback.at(clock.instant())
                .map(state -> {
                    boolean episode = state.item() instanceof Episode;
                    // Like Spotify: without additional_types=episode an episode is announced but not shown.
                    Object item = episode && !episodesWanted ? null : json().item(state.item());
                    return Response.ok(new SpotifyJson.CurrentlyPlaying(
                                    state.changedAt().toEpochMilli(),
                                    state.progress().toMillis(),
                                    state.playing(),
                                    episode ? "episode" : "track",
                                    item,
                                    null,
                                    Map.of()))
                            .build();
                })
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("me/player/recently-played")
    public SpotifyJson.CursorPage<SpotifyJson.PlayHistory> recentlyPlayed(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("limit") String limit,
            @QueryParam("before") String before,
            @QueryParam("after") String after) {
        access.require(authorization, RECENTLY_PLAYED);
        int pageSize = PageWindow.parse(limit, null).limit();
        if (before != null && after != null) {
            throw new WebApiFailure(400, "Only one of before or after may be specified");
        }
        long beforeMs = cursor(before, Long.MAX_VALUE);
        long afterMs = cursor(after, Long.MIN_VALUE);
        List<Play> matching = playback.playsBefore(clock.instant(), RECENT_PLAYS_KEPT).stream()
                .filter(play -> play.playedAt().toEpochMilli() < beforeMs
                        && play.playedAt().toEpochMilli() > afterMs)
                .toList();
        List<Play> page = matching.subList(0, Math.min(pageSize, matching.size()));
        SpotifyJsonMapper json = json();
        String href = json.apiUrl("/v1/me/player/recently-played?limit=" + pageSize
                + (before != null ? "&before=" + beforeMs : "") + (after != null ? "&after=" + afterMs : ""));
        if (page.isEmpty()) {
            return new SpotifyJson.CursorPage<>(List.of(), null, null, pageSize, href);
        }
        String newest = Long.toString(page.get(0).playedAt().toEpochMilli());
        String oldest = Long.toString(page.get(page.size() - 1).playedAt().toEpochMilli());
        String next = matching.size() > page.size()
                ? json.apiUrl("/v1/me/player/recently-played?before=" + oldest + "&limit=" + pageSize)
                : null;
        List<SpotifyJson.PlayHistory> items = page.stream()
                .map(play ->
                        new SpotifyJson.PlayHistory(json.track(play.track()), PLAYED_AT.format(play.playedAt()), null))
                .toList();
        return new SpotifyJson.CursorPage<>(items, next, new SpotifyJson.Cursors(newest, oldest), pageSize, href);
    }

    @GET
    @Path("me/top/tracks")
    public SpotifyJson.Page<SpotifyJson.FullTrack> topTracks(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("time_range") String timeRange,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        access.require(authorization, TOP_READ);
        TopRange range = range(timeRange);
        SpotifyJsonMapper json = json();
        return page(
                "tracks", range, PageWindow.parse(limit, offset), DemoCatalogue.topTracks(range), json::track, json);
    }

    @GET
    @Path("me/top/artists")
    public SpotifyJson.Page<SpotifyJson.FullArtist> topArtists(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("time_range") String timeRange,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        access.require(authorization, TOP_READ);
        TopRange range = range(timeRange);
        SpotifyJsonMapper json = json();
        return page(
                "artists", range, PageWindow.parse(limit, offset), DemoCatalogue.topArtists(range), json::artist, json);
    }

    @ServerExceptionMapper
    Response refuse(WebApiFailure failure) {
        return Response.status(failure.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new SpotifyJson.ErrorBody(new SpotifyJson.Error(failure.status(), failure.getMessage())))
                .build();
    }

    private static <T, J> SpotifyJson.Page<J> page(
            String type,
            TopRange range,
            PageWindow window,
            List<T> all,
            Function<T, J> toJson,
            SpotifyJsonMapper json) {
        int from = Math.min(window.offset(), all.size());
        int to = Math.min(from + window.limit(), all.size());
        Function<Integer, String> link = offset -> json.apiUrl("/v1/me/top/" + type + "?time_range=" + range.wireName()
                + "&limit=" + window.limit() + "&offset=" + offset);
        return new SpotifyJson.Page<>(
                all.subList(from, to).stream().map(toJson).toList(),
                all.size(),
                window.limit(),
                window.offset(),
                link.apply(window.offset()),
                to < all.size() ? link.apply(to) : null,
                window.offset() > 0 ? link.apply(Math.max(0, window.offset() - window.limit())) : null);
    }

    private static TopRange range(String timeRange) {
        if (timeRange == null || timeRange.isEmpty()) {
            return TopRange.DEFAULT;
        }
        return TopRange.fromWireName(timeRange).orElseThrow(() -> new WebApiFailure(400, "Invalid time range"));
    }

    private static long cursor(String raw, long absent) {
        if (raw == null) {
            return absent;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new WebApiFailure(400, "Invalid cursor");
        }
    }

    private SpotifyJsonMapper json() {
        return new SpotifyJsonMapper(demoMode.origin());
    }
}
