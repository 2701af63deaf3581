package dev.earshot.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo listener's player: a fixed cycle of listening repeated forever from {@link #EPOCH}, so
 * what is playing is a pure function of the time and every replica, restart or test agrees on it.
 * The cycle holds what the app must render: songs back to back, a skipped song, a podcast
 * episode, a pause part-way through a song, and a spell of silence.
 *
 * <p>The {@link RemoteResource remote} may move along the cycle now rather than in minutes: skip to the
 * next item, pause, resume, or start the cycle over. What it did is one small value in memory (how
 * far the cycle is shifted, and when it froze if paused), so the player stays a function of the
 * time and that value. The whole timeline moves as one, history included: a skip makes the
 * skipped item end now and every earlier play end that much earlier; a pause freezes history too.
 * The value lives in this process only, like the sandbox's authorization codes.
 */
// Application-scoped (proxied) rather than @Singleton, so a test can give each case a fresh player.
@ApplicationScoped
class DemoPlayback {

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
    private record PlayEnd(Track track, long endMs) {}

    /**
     * What the remote did: the timeline runs {@code shiftMs} ahead of the clock; while paused it
     * stands still where it was at {@code pausedAtMs}; {@code changedAtMs} is the last press that
     * changed anything.
     */
    private record Remote(long shiftMs, OptionalLong pausedAtMs, long changedAtMs) {
        static final Remote UNTOUCHED = new Remote(0, OptionalLong.empty(), Long.MIN_VALUE);

        /** The clock reading the timeline is at: frozen while paused. */
        long anchorMs(Instant now) {
            return pausedAtMs.orElse(now.toEpochMilli());
        }

        /** Where on the timeline (milliseconds since the epoch, shifted) the player is. */
        long timelineMs(Instant now) {
            return anchorMs(now) + shiftMs;
        }

        Remote playingFrom(long timelineMs, Instant now) {
            return new Remote(timelineMs - now.toEpochMilli(), OptionalLong.empty(), now.toEpochMilli());
        }
    }

    private final List<Segment> segments = new ArrayList<>();
    private final List<PlayEnd> playEnds = new ArrayList<>();
    private final AtomicReference<Remote> remote = new AtomicReference<>(Remote.UNTOUCHED);
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
        Remote pressed = remote.get();
        long offset = offsetInCycle(pressed.timelineMs(now));
        Segment segment = segmentAt(offset);
        if (segment.item() == null) {
            return Optional.empty();
        }
        boolean playing = segment.playing() && pressed.pausedAtMs().isEmpty();
        long progress = segment.progressAtStartMs() + (segment.playing() ? offset - segment.startMs() : 0);
        long segmentStartedAtMs = pressed.anchorMs(now) - (offset - segment.startMs());
        return Optional.of(new PlaybackState(
                segment.item(),
                Duration.ofMillis(progress),
                playing,
                Instant.ofEpochMilli(Math.max(segmentStartedAtMs, pressed.changedAtMs()))));
    }

    /** The counted plays that finished by {@code now}, newest first, at most {@code limit}. */
    List<Play> playsBefore(Instant now, int limit) {
        Remote pressed = remote.get();
        long timelineMs = pressed.timelineMs(now);
        long cycle = Math.floorDiv(timelineMs - EPOCH.toEpochMilli(), cycleMs);
        List<Play> plays = new ArrayList<>();
        while (plays.size() < limit) {
            long cycleStart = EPOCH.toEpochMilli() + cycle * cycleMs;
            for (int i = playEnds.size() - 1; i >= 0 && plays.size() < limit; i--) {
                long endedOnTimeline = cycleStart + playEnds.get(i).endMs();
                if (endedOnTimeline <= timelineMs) {
                    plays.add(new Play(
                            playEnds.get(i).track(), Instant.ofEpochMilli(endedOnTimeline - pressed.shiftMs())));
                }
            }
            cycle--;
        }
        return plays;
    }

    /** Next: the next item of the cycle from its start, playing; silence in between is skipped too. */
    void skipToNext(Instant now) {
        remote.updateAndGet(pressed -> {
            long timelineMs = pressed.timelineMs(now);
            long offset = offsetInCycle(timelineMs);
            int current = indexAt(offset);
            Playable item = segments.get(current).item();
            for (int step = 1; step <= segments.size(); step++) {
                int index = (current + step) % segments.size();
                Segment candidate = segments.get(index);
                if (candidate.item() != null && !candidate.item().equals(item)) {
                    long cycleStart = timelineMs - offset;
                    long start = cycleStart + candidate.startMs() + (index <= current ? cycleMs : 0);
                    return pressed.playingFrom(start, now);
                }
            }
            throw new IllegalStateException("The cycle holds a single item");
        });
    }

    /** Pause: the player and its history stand still until resumed; nothing happens while nothing plays. */
    void pause(Instant now) {
        remote.updateAndGet(pressed -> {
            if (pressed.pausedAtMs().isPresent()
                    || segmentAt(offsetInCycle(pressed.timelineMs(now))).item() == null) {
                return pressed;
            }
            return new Remote(pressed.shiftMs(), OptionalLong.of(now.toEpochMilli()), now.toEpochMilli());
        });
    }

    /** Play: carries on from where the player stands, also out of the cycle's own pause. */
    void resume(Instant now) {
        remote.updateAndGet(pressed -> {
            long timelineMs = pressed.timelineMs(now);
            long offset = offsetInCycle(timelineMs);
            Segment segment = segmentAt(offset);
            if (segment.item() != null && !segment.playing()) {
                // The cycle's own pause ends where the song carries on, at the same progress.
                return pressed.playingFrom(timelineMs + segment.endMs() - offset, now);
            }
            return pressed.pausedAtMs().isPresent() ? pressed.playingFrom(timelineMs, now) : pressed;
        });
    }

    /** Starts the cycle over: its first song from the top, playing. */
    void restart(Instant now) {
        remote.updateAndGet(pressed -> {
            long timelineMs = pressed.timelineMs(now);
            long offset = offsetInCycle(timelineMs);
            // Forward to the next round's start, so no time already shown is shown again.
            return pressed.playingFrom(timelineMs + (offset == 0 ? 0 : cycleMs - offset), now);
        });
    }

    private long offsetInCycle(long timelineMs) {
        return Math.floorMod(timelineMs - EPOCH.toEpochMilli(), cycleMs);
    }

    private Segment segmentAt(long offset) {
        return segments.get(indexAt(offset));
    }

    private int indexAt(long offset) {
        for (int index = 0; index < segments.size(); index++) {
            if (segments.get(index).startMs() <= offset
                    && offset < segments.get(index).endMs()) {
                return index;
            }
        }
        throw new IllegalStateException("Offset " + offset + " lies outside the cycle");
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
