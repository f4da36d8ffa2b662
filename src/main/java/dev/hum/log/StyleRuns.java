package dev.hum.log;

import java.util.Arrays;

/** The colours of one line as runs: run i starts at char offset {@code runStart(i)} and has style {@code runStyle(i)}. */
public final class StyleRuns {
    /** A plain line: one default style throughout, no storage. */
    public static final StyleRuns NONE = new StyleRuns(new int[0], new long[0]);

    private final int[] starts;
    private final long[] styles;

    private StyleRuns(int[] starts, long[] styles) {
        this.starts = starts;
        this.styles = styles;
    }

    /**
     * Runs from parallel arrays; starts must be ascending char offsets. Text before the first start, and every
     * line without runs, has the default style. Returns {@link #NONE} when no run has a non-default style.
     */
    public static StyleRuns of(int[] starts, long[] styles, int count) {
        boolean styled = false;
        for (int i = 0; i < count; i++) {
            styled |= styles[i] != Style.DEFAULT;
            if (i > 0 && starts[i] <= starts[i - 1]) {
                throw new IllegalArgumentException("run starts must ascend");
            }
        }
        return styled ? new StyleRuns(Arrays.copyOf(starts, count), Arrays.copyOf(styles, count)) : NONE;
    }

    public int runCount() {
        return starts.length;
    }

    public int runStart(int run) {
        return starts[run];
    }

    public long runStyle(int run) {
        return styles[run];
    }

    /** Style of the char at {@code index}, found by binary search over the runs. */
    public long styleAt(int index) {
        int i = Arrays.binarySearch(starts, index);
        if (i >= 0) {
            return styles[i];
        }
        int before = -i - 2;
        return before < 0 ? Style.DEFAULT : styles[before];
    }

    public boolean isPlain() {
        return starts.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StyleRuns r && Arrays.equals(starts, r.starts) && Arrays.equals(styles, r.styles);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(styles);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("StyleRuns[");
        for (int i = 0; i < starts.length; i++) {
            b.append(i == 0 ? "" : ", ").append(starts[i]).append('=').append(Long.toHexString(styles[i]));
        }
        return b.append(']').toString();
    }
}
