package dev.earshot.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.config.OwnerConfig;
import dev.earshot.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** S27: the owner setup code expires, works once, and is gone once an owner is connected. */
class OwnerSetupCodeTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T03:00:00Z"));
    private final OwnerSetupCode setupCode = new OwnerSetupCode(config(Duration.ofMinutes(30)), clock);

    @Test
    void s27_theCodeWorksWithinItsLifetimeWhateverTheCaseAndSpacing() {
        String code = setupCode.issue().code();
        clock.advance(Duration.ofMinutes(29));
        assertEquals(OwnerSetupCode.Check.ACCEPTED, setupCode.check(" " + code.toLowerCase() + " "));
    }

    @Test
    void s27_theCodeExpiresAfterItsLifetime() {
        String code = setupCode.issue().code();
        clock.advance(Duration.ofMinutes(30));
        assertEquals(OwnerSetupCode.Check.EXPIRED, setupCode.check(code));
    }

    @Test
    void s27_theCodeWorksOnce() {
        String code = setupCode.issue().code();
        assertEquals(OwnerSetupCode.Check.ACCEPTED, setupCode.check(code));
        assertEquals(OwnerSetupCode.Check.EXPIRED, setupCode.check(code));
    }

    @Test
    void s27_theCodeIsGoneOnceAnOwnerIsConnected() {
        String code = setupCode.issue().code();
        setupCode.discardOnConnect(new OwnerConnected("someone"));
        assertEquals(OwnerSetupCode.Check.EXPIRED, setupCode.check(code));
    }

    @Test
    void aWrongCodeLeavesTheRightOneUsable() {
        String code = setupCode.issue().code();
        assertEquals(OwnerSetupCode.Check.WRONG, setupCode.check("ABCD-EFGH".equals(code) ? "ABCD-EFGJ" : "ABCD-EFGH"));
        assertEquals(OwnerSetupCode.Check.WRONG, setupCode.check(null));
        assertEquals(OwnerSetupCode.Check.ACCEPTED, setupCode.check(code));
    }

    @Test
    void theLifetimeIsConfigurable() {
        OwnerSetupCode shortLived = new OwnerSetupCode(config(Duration.ofMinutes(5)), clock);
        String code = shortLived.issue().code();
        clock.advance(Duration.ofMinutes(6));
        assertEquals(OwnerSetupCode.Check.EXPIRED, shortLived.check(code));
    }

    private static OwnerConfig config(Duration lifetime) {
        return new OwnerConfig() {
            public Optional<String> id() {
                return Optional.empty();
            }

            public Duration warnBefore() {
                return Duration.ofDays(14);
            }

            public Duration setupCodeLifetime() {
                return lifetime;
            }
        };
    }
}
