package dev.hum.state;

/**
 * Something a writer wakes after it published a change ({@link Waiters}): a parked {@link Waiter} (wait_for, hum
 * wait), or a readiness probe that hands the reading to its own thread. {@link #wake} runs on the writer's thread
 * (a pump, a supervisor thread) and must return at once.
 */
@FunctionalInterface
public interface Wakeable {
    void wake();
}
