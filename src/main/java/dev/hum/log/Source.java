package dev.hum.log;

/** Where a stored line came from: the child's stdout or stderr, or hum's own notice. */
public enum Source {
    STDOUT,
    STDERR,
    /** hum's own notices, such as "hum: start #2: npm run dev" or "hum: failed to start: ...". */
    HUM;

    private static final Source[] VALUES = values();

    static Source ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
