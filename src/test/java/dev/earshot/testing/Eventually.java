package dev.earshot.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the app does in the background (a refresh-ahead call), failing after a limit. */
public final class Eventually {

    private Eventually() {}

    /** Checks {@code condition} every 50 ms until it holds; fails with {@code what} after {@code limit}. */
    public static void within(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Not within " + limit.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted while waiting for: " + what);
            }
        }
    }
}
