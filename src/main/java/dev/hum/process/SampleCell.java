package dev.hum.process;

/** The cell that holds a process's newest {@link Sampled}: written by the one sampler thread, read by anyone. */
public final class SampleCell {

    /*
     * One writer (the sampler thread) replaces the whole immutable value; readers (render loop, control, MCP) take
     * it with one volatile load and so see a complete record, never a half-written one. With a single writer no
     * compare-and-set is needed.
     */

    private volatile Sampled value = Sampled.NONE;

    /** The newest sample: one volatile load. */
    public Sampled get() {
        return value;
    }

    /** Publishes {@code next}; only the sampler calls this (tests too, in place of it). */
    void set(Sampled next) {
        value = next;
    }
}
