package dev.hum.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a condition on real processes, pipes or terminals until it holds. The limit only ends a test
 * that hangs; it is far above any time the condition takes, even on a loaded shared machine, and no
 * test depends on how soon the condition holds.
 */
public final class Poll {

    /** How long a condition may take before the test is taken to hang. */
    public static final Duration LIMIT = Duration.ofSeconds(60);

    private static final long PAUSE_MILLIS = 20;

    private Poll() {}

    /** Waits until {@code condition} holds; fails naming {@code what} if it never does. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * Reads {@code reading} until {@code done} accepts it and returns that reading; fails with the last
     * reading if none is accepted.
     */
    public static <T> T until(String what, Supplier<T> reading, Predicate<? super T> done) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            T value = reading.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                fail("waited " + LIMIT.toSeconds() + " s for " + what + "; last reading:\n" + value);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
