package dev.earshot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoPlaybackTest {

    private final DemoPlayback playback = new DemoPlayback();
    // Far from the epoch, to show nothing depends on being near it.
    private final Instant cycleStart =
            DemoPlayback.EPOCH.plus(playback.cycleLength().multipliedBy(1_000));

    private Optional<PlaybackState> at(int secondsIntoCycle) {
        return playback.at(cycleStart.plusSeconds(secondsIntoCycle));
    }

    @Test
    void aCycleLastsBetweenHalfAnHourAndFortyMinutes() {
        Duration cycle = playback.cycleLength();
        assertTrue(
                cycle.compareTo(Duration.ofMinutes(30)) >= 0 && cycle.compareTo(Duration.ofMinutes(40)) <= 0,
                cycle.toString());
    }

    @Test
    void theCycleOpensWithASongFromItsStart() {
        PlaybackState state = at(61).orElseThrow();
        assertEquals(DemoCatalogue.MAYONAKA, state.item());
        assertEquals(Duration.ofSeconds(61), state.progress());
        assertTrue(state.playing());
        assertEquals(cycleStart, state.changedAt());
    }

    @Test
    void progressAdvancesWithTheClockWhilePlaying() {
        Instant now = cycleStart.plusSeconds(100).plusMillis(250);
        PlaybackState state = playback.at(now).orElseThrow();
        assertEquals(Duration.between(state.changedAt(), now), state.progress());
        assertEquals(
                state.progress().plusSeconds(7),
                playback.at(now.plusSeconds(7)).orElseThrow().progress());
    }

    @Test
    void aSongIsPausedPartWayForAMinuteWithItsProgressFrozen() {
        // Sunburn ends at 1357 s; the long classical piece pauses after 95 s.
        PlaybackState justBefore = at(1451).orElseThrow();
        assertTrue(justBefore.playing());
        for (int second = 1452; second < 1512; second++) {
            PlaybackState paused = at(second).orElseThrow();
            assertEquals(DemoCatalogue.QUODLIBET, paused.item());
            assertFalse(paused.playing(), "paused at " + second);
            assertEquals(Duration.ofSeconds(95), paused.progress());
            assertEquals(cycleStart.plusSeconds(1452), paused.changedAt());
        }
        PlaybackState resumed = at(1513).orElseThrow();
        assertTrue(resumed.playing());
        assertEquals(Duration.ofSeconds(96), resumed.progress());
        assertEquals(cycleStart.plusSeconds(1512), resumed.changedAt());
    }

    @Test
    void nothingPlaysForFortyFiveSeconds() {
        assertTrue(at(1941).isPresent());
        for (int second = 1942; second < 1987; second++) {
            assertTrue(at(second).isEmpty(), "idle at " + second);
        }
        assertEquals(DemoCatalogue.LAST_TRAIN, at(1987).orElseThrow().item());
    }

    @Test
    void aPodcastEpisodePlaysForSixAndAHalfMinutes() {
        assertEquals(DemoCatalogue.SAEBYEOK_SE_SI, at(788).orElseThrow().item());
        for (int second = 789; second < 1179; second += 10) {
            PlaybackState state = at(second).orElseThrow();
            assertEquals(DemoCatalogue.TRAM_EPISODE, state.item());
            assertEquals(Duration.ofSeconds(second - 789), state.progress());
        }
        assertEquals(DemoCatalogue.SUNBURN, at(1179).orElseThrow().item());
    }

    @Test
    void progressNeverPassesTheItemsLengthAndTimestampsAreConsistent() {
        long cycleSeconds = playback.cycleLength().toSeconds();
        for (int second = 0; second < cycleSeconds; second++) {
            Instant now = cycleStart.plusSeconds(second);
            playback.at(now).ifPresent(state -> {
                assertTrue(state.progress().compareTo(state.item().duration()) < 0);
                assertFalse(state.changedAt().isAfter(now));
                if (state.playing()) {
                    assertTrue(state.progress().compareTo(Duration.between(state.changedAt(), now)) >= 0);
                }
            });
        }
    }

    @Test
    void theCycleRepeats() {
        PlaybackState now = at(500).orElseThrow();
        PlaybackState nextRound = playback.at(cycleStart.plusSeconds(500).plus(playback.cycleLength()))
                .orElseThrow();
        assertEquals(now.item(), nextRound.item());
        assertEquals(now.progress(), nextRound.progress());
        assertEquals(now.changedAt().plus(playback.cycleLength()), nextRound.changedAt());
    }

    @Test
    void recentlyPlayedListsFinishedSongsNewestFirst() {
        Instant now = cycleStart.plusSeconds(1600);
        List<Play> plays = playback.playsBefore(now, 50);
        assertEquals(50, plays.size());
        // Newest: Sunburn, finished at 1357 s (the paused piece is still going at 1600 s).
        assertEquals(new Play(DemoCatalogue.SUNBURN, cycleStart.plusSeconds(1357)), plays.get(0));
        for (int i = 1; i < plays.size(); i++) {
            assertTrue(plays.get(i).playedAt().isBefore(plays.get(i - 1).playedAt()));
        }
        for (Play play : plays) {
            assertFalse(play.playedAt().isAfter(now));
            // Each play really ended then: a moment before, the song was at its very end.
            PlaybackState ending = playback.at(play.playedAt().minusMillis(1)).orElseThrow();
            assertEquals(play.track(), ending.item());
            assertEquals(play.track().duration().minusMillis(1), ending.progress());
        }
    }

    @Test
    void skippedSongsAndEpisodesAreLeftOut() {
        List<Play> plays = playback.playsBefore(cycleStart.plusSeconds(1600), 50);
        // Последний трамвай is only ever skipped after 18 s, under Spotify's 30 s threshold.
        assertTrue(plays.stream().noneMatch(play -> play.track().equals(DemoCatalogue.TRAMVAI)));
        // The episode played between 새벽 세 시 and Sunburn; the previous round's last song ended at cycleStart.
        List<String> thisRound = plays.stream()
                .filter(play -> play.playedAt().isAfter(cycleStart))
                .map(play -> play.track().name())
                .toList();
        assertEquals(List.of("Sunburn 🌞", "새벽 세 시", "Ísbrú", "真夜中のドライブ"), thisRound);
    }

    @Test
    void theLimitIsHonouredAndASongCountsTheMomentItEnds() {
        assertEquals(3, playback.playsBefore(cycleStart.plusSeconds(1600), 3).size());
        Instant mayonakaEnds = cycleStart.plusSeconds(252);
        assertEquals(
                new Play(DemoCatalogue.MAYONAKA, mayonakaEnds),
                playback.playsBefore(mayonakaEnds, 1).get(0));
        assertEquals(
                DemoCatalogue.LOUD_PROUD,
                playback.playsBefore(mayonakaEnds.minusMillis(1), 1).get(0).track());
    }

    // --- The remote ---

    @Test
    void nextLandsOnTheNextItemsStartAndPlaysIt() {
        Instant now = cycleStart.plusSeconds(100);
        playback.skipToNext(now);
        PlaybackState state = playback.at(now).orElseThrow();
        assertEquals(DemoCatalogue.ISBRU, state.item());
        assertEquals(Duration.ZERO, state.progress());
        assertTrue(state.playing());
        assertEquals(now, state.changedAt());
        assertEquals(
                Duration.ofSeconds(5),
                playback.at(now.plusSeconds(5)).orElseThrow().progress());
    }

    @Test
    void nextSkipsOverThePausedPieceSilenceAndTheEndOfTheCycle() {
        // In the cycle's own pause of the classical piece: Next goes to the song after it.
        Instant now = cycleStart.plusSeconds(1480);
        playback.skipToNext(now);
        assertEquals(DemoCatalogue.RIMAL, playback.at(now).orElseThrow().item());
        // From the song before the silence straight to the song after it.
        playback.skipToNext(now);
        assertEquals(DemoCatalogue.LAST_TRAIN, playback.at(now).orElseThrow().item());
        playback.skipToNext(now);
        assertEquals(DemoCatalogue.LOUD_PROUD, playback.at(now).orElseThrow().item());
        // The last song of the cycle is followed by the first.
        playback.skipToNext(now);
        PlaybackState state = playback.at(now).orElseThrow();
        assertEquals(DemoCatalogue.MAYONAKA, state.item());
        assertEquals(Duration.ZERO, state.progress());
    }

    @Test
    void nextDuringSilenceStartsTheNextSong() {
        Instant now = cycleStart.plusSeconds(1950);
        assertTrue(playback.at(now).isEmpty());
        playback.skipToNext(now);
        assertEquals(DemoCatalogue.LAST_TRAIN, playback.at(now).orElseThrow().item());
    }

    @Test
    void pauseFreezesProgressAndPlayResumesFromThere() {
        Instant pausedAt = cycleStart.plusSeconds(100);
        playback.pause(pausedAt);
        for (int later = 0; later <= 600; later += 60) {
            PlaybackState paused = playback.at(pausedAt.plusSeconds(later)).orElseThrow();
            assertEquals(DemoCatalogue.MAYONAKA, paused.item());
            assertFalse(paused.playing());
            assertEquals(Duration.ofSeconds(100), paused.progress());
            assertEquals(pausedAt, paused.changedAt());
        }
        // Pressing Pause again changes nothing.
        playback.pause(pausedAt.plusSeconds(30));
        assertEquals(
                pausedAt, playback.at(pausedAt.plusSeconds(60)).orElseThrow().changedAt());

        Instant resumedAt = pausedAt.plusSeconds(600);
        playback.resume(resumedAt);
        PlaybackState resumed = playback.at(resumedAt).orElseThrow();
        assertTrue(resumed.playing());
        assertEquals(DemoCatalogue.MAYONAKA, resumed.item());
        assertEquals(Duration.ofSeconds(100), resumed.progress());
        assertEquals(resumedAt, resumed.changedAt());
        assertEquals(
                Duration.ofSeconds(107),
                playback.at(resumedAt.plusSeconds(7)).orElseThrow().progress());
        // Pressing Play while playing changes nothing either.
        playback.resume(resumedAt.plusSeconds(10));
        assertEquals(
                resumedAt, playback.at(resumedAt.plusSeconds(10)).orElseThrow().changedAt());
    }

    @Test
    void playEndsTheCyclesOwnPauseAtOnce() {
        Instant now = cycleStart.plusSeconds(1480);
        assertFalse(playback.at(now).orElseThrow().playing());
        playback.resume(now);
        PlaybackState state = playback.at(now.plusSeconds(2)).orElseThrow();
        assertEquals(DemoCatalogue.QUODLIBET, state.item());
        assertTrue(state.playing());
        assertEquals(Duration.ofSeconds(97), state.progress());
    }

    @Test
    void pauseDuringSilenceDoesNothing() {
        Instant now = cycleStart.plusSeconds(1950);
        playback.pause(now);
        assertEquals(
                DemoCatalogue.LAST_TRAIN,
                playback.at(now.plusSeconds(40)).orElseThrow().item());
    }

    @Test
    void nextWhilePausedPlaysTheNextItem() {
        Instant now = cycleStart.plusSeconds(100);
        playback.pause(now);
        playback.skipToNext(now.plusSeconds(60));
        PlaybackState state = playback.at(now.plusSeconds(65)).orElseThrow();
        assertEquals(DemoCatalogue.ISBRU, state.item());
        assertTrue(state.playing());
        assertEquals(Duration.ofSeconds(5), state.progress());
    }

    @Test
    void restartPlaysTheFirstSongFromTheTop() {
        Instant now = cycleStart.plusSeconds(1480);
        playback.pause(now);
        playback.restart(now.plusSeconds(10));
        PlaybackState state = playback.at(now.plusSeconds(13)).orElseThrow();
        assertEquals(DemoCatalogue.MAYONAKA, state.item());
        assertTrue(state.playing());
        assertEquals(Duration.ofSeconds(3), state.progress());
    }

    @Test
    void recentlyPlayedMovesWithTheRemote() {
        Instant now = cycleStart.plusSeconds(100);
        playback.skipToNext(now);
        // The skipped song counts as ending at the moment of the skip, and nothing ends in the future.
        assertEquals(
                new Play(DemoCatalogue.MAYONAKA, now),
                playback.playsBefore(now, 1).get(0));
        playback.skipToNext(now.plusSeconds(10));
        assertEquals(
                new Play(DemoCatalogue.ISBRU, now.plusSeconds(10)),
                playback.playsBefore(now.plusSeconds(10), 1).get(0));

        // While paused, nothing finishes, however long the pause.
        Instant pausedAt = now.plusSeconds(20);
        playback.pause(pausedAt);
        List<Play> duringPause = playback.playsBefore(pausedAt.plusSeconds(3600), 50);
        assertEquals(playback.playsBefore(pausedAt, 50), duringPause);

        // Plays that had ended keep their played_at whatever is pressed since; new ones follow the moved timeline.
        playback.resume(pausedAt.plusSeconds(3600));
        Instant later = pausedAt.plusSeconds(4000);
        List<Play> afterwards = playback.playsBefore(later, 200);
        assertTrue(afterwards.containsAll(duringPause), "earlier plays kept their played_at");
        Instant newestBefore = duringPause.get(0).playedAt();
        List<Play> newPlays = afterwards.stream()
                .filter(play -> play.playedAt().isAfter(newestBefore))
                .toList();
        assertFalse(newPlays.isEmpty());
        for (Play play : newPlays) {
            assertFalse(play.playedAt().isAfter(later));
            assertTrue(play.playedAt().isAfter(pausedAt.plusSeconds(3600)), "new plays end after the resume");
            PlaybackState ending = playback.at(play.playedAt().minusMillis(1)).orElseThrow();
            assertEquals(play.track(), ending.item());
        }
    }

    @Test
    void aPlayKeepsItsPlayedAtOnEveryCallAndAcrossPressesWhileNewPlaysAppearOverTime() {
        Instant now = cycleStart.plusSeconds(1600);
        List<Play> first = playback.playsBefore(now, 50);
        assertEquals(first, playback.playsBefore(now, 50), "the same answer on every call");
        assertEquals(first, playback.playsBefore(now.plusSeconds(1), 50).subList(0, 50), "nothing moves");

        playback.skipToNext(now);
        playback.pause(now.plusSeconds(5));
        playback.resume(now.plusSeconds(65));
        playback.restart(now.plusSeconds(70));
        Instant later = now.plus(playback.cycleLength());
        List<Play> afterPresses = playback.playsBefore(later, 500);
        assertTrue(afterPresses.containsAll(first), "every earlier play is still there, at the same played_at");
        assertTrue(afterPresses.size() > first.size() + 5, "new plays appeared as the playback advanced");
        for (int i = 1; i < afterPresses.size(); i++) {
            assertFalse(
                    afterPresses
                            .get(i)
                            .playedAt()
                            .isAfter(afterPresses.get(i - 1).playedAt()),
                    "newest first");
        }
    }
}
