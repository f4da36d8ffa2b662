package dev.hum.process;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where launches wait while something else needs the machine first: the dashboard holds them until
 * its first frame is out, for at most a set time. On two cores twenty forks (each a helper, setsid and
 * a shell) take half the machine from the first frame; held, each process shows STARTING for those
 * milliseconds and is forked right after. Never held, it lets every launch through at once.
 */
final class LaunchGate {

    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile long heldUntil; // System.nanoTime() deadline while held
    private volatile boolean held;

    /** Holds launches until {@link #open} or until {@code atMost} has passed; a gate once opened stays open. */
    void hold(Duration atMost) {
        heldUntil = System.nanoTime() + atMost.toNanos();
        held = true;
    }

    /** Lets every waiting and later launch through, for good; any number of calls. */
    void open() {
        held = false;
        opened.countDown();
    }

    /** Returns when launches may go: at once unless held. */
    void pass() {
        if (!held) {
            return;
        }
        long wait = heldUntil - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            opened.await(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the launch goes on; its caller sees the flag
        }
    }
}
