package dev.earshot.demo;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo listener's player: a fixed cycle of listening repeated forever from {@link #EPOCH}, so
 * what is playing is a pure function of the time and every replica, restart or test agrees on it.
 * The cycle holds what the app must render: songs back to back, a skipped song, a podcast
 * episode, a pause part-way through a song, and a spell of silence.
 */
@Singleton
final class DemoPlayback {

    static final Instant EPOCH = Instant.parse("2026-01-05T00:00:00Z");
    /** Spotify leaves shorter plays out of the recently played list. */
    static final Duration SHORTEST_COUNTED_PLAY = Duration.ofSeconds(30);

    /** One stretch of the cycle in which the player does one thing; {@code item} is null while idle. */
    private record Segment(Playable item, long startMs, long lengthMs, long progressAtStartMs, boolean playing) {
        long endMs() {
            return startMs + lengthMs;
        }
    }

    /** A counted play of a track, by when it ends within the cycle. */
    private record PlayEnd(Track track, long endMs) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private final List<PlayEnd> playEnds = new ArrayList<>();
    private long cycleMs;

    DemoPlayback() {
        play(DemoCatalogue.MAYONAKA);
        play(DemoCatalogue.ISBRU);
        skipAfter(DemoCatalogue.TRAMVAI, Duration.ofSeconds(18));
        play(DemoCatalogue.SAEBYEOK_SE_SI);
        play(DemoCatalogue.TRAM_EPISODE);
        play(DemoCatalogue.SUNBURN);
        pauseAfter(DemoCatalogue.QUODLIBET, Duration.ofSeconds(95), Duration.ofSeconds(60));
        play(DemoCatalogue.RIMAL);
        idle(Duration.ofSeconds(45));
        play(DemoCatalogue.LAST_TRAIN);
        play(DemoCatalogue.LOUD_PROUD);
    }

    /** How long one round of the cycle lasts. */
    Duration cycleLength() {
        return Duration.ofMillis(cycleMs);
    }

    /** The player at {@code now}; empty while nothing plays (Spotify answers 204 then). */
    Optional<PlaybackState> at(Instant now) {
        long sinceEpoch = now.toEpochMilli() - EPOCH.toEpochMilli();
        long offset = Math.floorMod(sinceEpoch, cycleMs);
        long cycleStart = now.toEpochMilli() - offset;
        Segment segment = segments.stream()
                .filter(candidate -> candidate.startMs() <= offset && offset < candidate.endMs())
                .findFirst()
                .orElseThrow();
        if (segment.item() == null) {
            return Optional.empty();
        }
        long progress = segment.progressAtStartMs() + (segment.playing() ? offset - segment.startMs() : 0);
        return Optional.of(new PlaybackState(segment.item(), Duration.ofMillis(progress), segment.playing(),
                Instant.ofEpochMilli(cycleStart + segment.startMs())));
    }

    /** The counted plays that finished by {@code now}, newest first, at most {@code limit}. */
    List<Play> playsBefore(Instant now, int limit) {
        long nowMs = now.toEpochMilli();
        long cycle = Math.floorDiv(nowMs - EPOCH.toEpochMilli(), cycleMs);
        List<Play> plays = new ArrayList<>();
        while (plays.size() < limit) {
            long cycleStart = EPOCH.toEpochMilli() + cycle * cycleMs;
            for (int i = playEnds.size() - 1; i >= 0 && plays.size() < limit; i--) {
                long playedAt = cycleStart + playEnds.get(i).endMs();
                if (playedAt <= nowMs) {
                    plays.add(new Play(playEnds.get(i).track(), Instant.ofEpochMilli(playedAt)));
                }
            }
            cycle--;
        }
        return plays;
    }

    private void play(Playable item) {
        listen(item, 0, item.duration().toMillis());
        countPlay(item, item.duration());
    }

    private void skipAfter(Playable item, Duration listened) {
        listen(item, 0, listened.toMillis());
        countPlay(item, listened);
    }

    private void pauseAfter(Playable item, Duration playedBeforePause, Duration pause) {
        long pausedAt = playedBeforePause.toMillis();
        listen(item, 0, pausedAt);
        append(new Segment(item, cycleMs, pause.toMillis(), pausedAt, false));
        listen(item, pausedAt, item.duration().toMillis() - pausedAt);
        countPlay(item, item.duration());
    }

    private void idle(Duration length) {
        append(new Segment(null, cycleMs, length.toMillis(), 0, false));
    }

    private void listen(Playable item, long fromProgressMs, long lengthMs) {
        append(new Segment(item, cycleMs, lengthMs, fromProgressMs, true));
    }

    private void append(Segment segment) {
        segments.add(segment);
        cycleMs = segment.endMs();
    }

    private void countPlay(Playable item, Duration listened) {
        // Episodes never show up in recently played, and neither do skipped-over songs.
        if (item instanceof Track track && listened.compareTo(SHORTEST_COUNTED_PLAY) >= 0) {
            playEnds.add(new PlayEnd(track, cycleMs));
        }
    }
}
