package dev.earshot.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The demo listener's player: a fixed cycle of listening repeated forever from {@link #EPOCH}, so
 * what is playing is a pure function of the time and every replica, restart or test agrees on it.
 * The cycle holds what the app must render: songs back to back, a skipped song, a podcast
 * episode, a pause part-way through a song, and a spell of silence.
 *
 * <p>The {@link RemoteResource remote} may move along the cycle now rather than in minutes: skip to the
 * next item, pause, resume, or start the cycle over. What it did is one small value in memory (how
 * far the cycle is shifted, and when it froze if paused), so the player stays a function of the
 * time and that value. History keeps what happened: each press starts an era of its own, and a play
 * keeps the {@code played_at} it had when it ended, whatever is pressed later (as on Spotify, where a
 * recorder pages with {@code after} and relies on that); a skip makes the skipped item end now, and
 * nothing ends while paused. The eras live in this process only, like the sandbox's authorization codes.
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

    /**
     * The remote's value from {@code fromMs} (wall clock) until the next era; {@code startTimelineMs} is where
     * the timeline stood when it began, and {@code jumped} says the press moved the timeline forward (a skip or a
     * restart): the item it cut short then ends exactly at the era's start.
     */
    private record Era(Remote remote, long fromMs, long startTimelineMs, boolean jumped) {
        static final Era FIRST = new Era(Remote.UNTOUCHED, Long.MIN_VALUE, Long.MIN_VALUE, false);

        /** Timeline positions whose plays ended in this era lie above this (exclusive). */
        long lowestExclusive() {
            return startTimelineMs == Long.MIN_VALUE ? Long.MIN_VALUE : startTimelineMs - (jumped ? 1 : 0);
        }
    }

    /** Presses kept for history; far more than the 50 plays recently-played shows. */
    static final int ERAS_KEPT = 500;

    private final List<Segment> segments = new ArrayList<>();
    private final List<PlayEnd> playEnds = new ArrayList<>();
    private final AtomicReference<List<Era>> eras = new AtomicReference<>(List.of(Era.FIRST));
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
        Remote pressed = current();
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

    /**
     * The counted plays that finished by {@code now}, newest first, at most {@code limit}: each at the moment it
     * ended, in the era it ended in.
     */
    List<Play> playsBefore(Instant now, int limit) {
        List<Era> history = eras.get();
        List<Play> plays = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && plays.size() < limit; i--) {
            Era era = history.get(i);
            if (era.fromMs() > now.toEpochMilli()) {
                continue;
            }
            long untilMs = i == history.size() - 1
                    ? now.toEpochMilli()
                    : Math.min(history.get(i + 1).fromMs(), now.toEpochMilli());
            long highest = era.remote().timelineMs(Instant.ofEpochMilli(untilMs));
            collect(plays, limit, era.lowestExclusive(), highest, era.remote().shiftMs());
        }
        return plays;
    }

    /** Adds the plays ending on the timeline in {@code (lowest, highest]}, newest first, as wall-clock times. */
    private void collect(List<Play> plays, int limit, long lowest, long highest, long shiftMs) {
        long cycle = Math.floorDiv(highest - EPOCH.toEpochMilli(), cycleMs);
        while (plays.size() < limit) {
            long cycleStart = EPOCH.toEpochMilli() + cycle * cycleMs;
            if (cycleStart + cycleMs <= lowest) {
                return;
            }
            for (int i = playEnds.size() - 1; i >= 0 && plays.size() < limit; i--) {
                long endedOnTimeline = cycleStart + playEnds.get(i).endMs();
                if (endedOnTimeline <= highest && endedOnTimeline > lowest) {
                    plays.add(new Play(playEnds.get(i).track(), Instant.ofEpochMilli(endedOnTimeline - shiftMs)));
                }
            }
            cycle--;
        }
    }

    /** Next: the next item of the cycle from its start, playing; silence in between is skipped too. */
    void skipToNext(Instant now) {
        press(now, pressed -> {
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
        press(now, pressed -> {
            if (pressed.pausedAtMs().isPresent()
                    || segmentAt(offsetInCycle(pressed.timelineMs(now))).item() == null) {
                return pressed;
            }
            return new Remote(pressed.shiftMs(), OptionalLong.of(now.toEpochMilli()), now.toEpochMilli());
        });
    }

    /** Play: carries on from where the player stands, also out of the cycle's own pause. */
    void resume(Instant now) {
        press(now, pressed -> {
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
        press(now, pressed -> {
            long timelineMs = pressed.timelineMs(now);
            long offset = offsetInCycle(timelineMs);
            // Forward to the next round's start, so no time already shown is shown again.
            return pressed.playingFrom(timelineMs + (offset == 0 ? 0 : cycleMs - offset), now);
        });
    }

    private Remote current() {
        List<Era> history = eras.get();
        return history.get(history.size() - 1).remote();
    }

    /** A press of the remote at {@code now}: a new era when it changed anything. */
    private void press(Instant now, UnaryOperator<Remote> change) {
        eras.updateAndGet(history -> {
            Remote before = history.get(history.size() - 1).remote();
            Remote after = change.apply(before);
            if (after.equals(before)) {
                return history;
            }
            long startTimelineMs = after.timelineMs(now);
            List<Era> next =
                    new ArrayList<>(history.subList(Math.max(0, history.size() - ERAS_KEPT + 1), history.size()));
            next.add(new Era(after, now.toEpochMilli(), startTimelineMs, startTimelineMs != before.timelineMs(now)));
            return List.copyOf(next);
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
