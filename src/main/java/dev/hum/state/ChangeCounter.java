package dev.hum.state;

import java.util.concurrent.atomic.LongAdder;

/** Counts changes to a board so that a renderer can tell, in one cheap read, whether anything moved. */
public final class ChangeCounter {

    /*
     * Incremented by every successful cell swap and every board swap (many writers). Read by the render
     * loop once per frame. A LongAdder, not one AtomicLong: writers that collide move to striped cells,
     * so two pumps updating at once do not also fight over this counter's cache line (with an AtomicLong,
     * bench/ContendedUpdateBenchmark measured contended StateCell updates about 4x slower than the same
     * CAS without the counter). Every increment is a CAS (a volatile write) after the CAS that published
     * the change, and get() reads the base and every cell with volatile loads, so a reader that sees a
     * count including an increment, then loads the cells, sees at least that change. Each stripe only
     * grows, so a later get() never returns less than an earlier one (modulo wrap). Readers compare with
     * != against the value they last drew, never with <, so a wrap past Long.MAX_VALUE is harmless; the
     * sum wraps the same way a single long would.
     */

    private final LongAdder count = new LongAdder();

    public ChangeCounter() {
        this(0L);
    }

    /** Starts at {@code initial}; tests start near overflow. */
    public ChangeCounter(long initial) {
        count.add(initial);
    }

    void increment() {
        count.increment();
    }

    /** The current count: the sum of the stripes, each a volatile load; exact when no writer is running. */
    public long get() {
        return count.sum();
    }
}
