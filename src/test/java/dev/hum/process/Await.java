package dev.hum.process;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hum.state.ProcessState;
import dev.hum.state.StateCell;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Polls a condition on real processes until it holds or a generous limit passes. */
final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Await() {}

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    static ProcessState state(StateCell cell, String what, Predicate<ProcessState> condition) {
        until(what + " (last: " + cell.get() + ")", () -> condition.test(cell.get()));
        return cell.get();
    }
}
