package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The poll interval is refused at start-up below 5 s, in the deployer's terms (StartupCheck adds the problem). */
class HistoryConfigTest {

    @Test
    void aPollIntervalBelowFiveSecondsIsRefusedByItsEnvironmentVariable() {
        String problem = history(Duration.ofMillis(4_999)).pollIntervalProblem().orElseThrow();
        assertTrue(problem.contains("EARSHOT_HISTORY_POLL_INTERVAL"), problem);
        assertTrue(problem.contains("at least 5s"), problem);
    }

    @Test
    void fiveSecondsAndMorePass() {
        assertEquals(Optional.empty(), history(Duration.ofSeconds(5)).pollIntervalProblem());
        assertEquals(Optional.empty(), history(Duration.ofMinutes(10)).pollIntervalProblem());
    }

    private static HistoryConfig history(Duration interval) {
        return new HistoryConfig() {
            @Override
            public Duration pollInterval() {
                return interval;
            }

            @Override
            public boolean recordOwner() {
                return true;
            }

            @Override
            public boolean recorderEnabled() {
                return true;
            }
        };
    }
}
