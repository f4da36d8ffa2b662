package dev.hum.log;

/** Where a stored line came from: the child's stdout or stderr, or hum's own notice. */
public enum Source {
    STDOUT,
    STDERR,
    /** hum's own notices, such as "failed to start: ..." or "── run 2 ──". */
    HUM;

    private static final Source[] VALUES = values();

    static Source ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
