package dev.hum.state;

import java.util.concurrent.atomic.AtomicLong;

/** Counts changes to a board so that a renderer can tell, in one load, whether anything moved. */
public final class ChangeCounter {

    /*
     * Incremented by every successful cell swap and every board swap (many writers, getAndIncrement).
     * Read by the render loop once per frame. Readers compare with != against the value they last
     * drew, never with <, so a wrap past Long.MAX_VALUE is harmless. The increment follows the CAS
     * that published the change, so a reader that sees the new count and then loads the cells sees
     * at least that change.
     */

    private final AtomicLong count;

    public ChangeCounter() {
        this(0L);
    }

    /** Starts at {@code initial}; tests start near overflow. */
    public ChangeCounter(long initial) {
        this.count = new AtomicLong(initial);
    }

    void increment() {
        count.getAndIncrement();
    }

    /** The current count (a volatile load). */
    public long get() {
        return count.get();
    }
}
