package dev.hum.jcstress;

import dev.hum.log.LogLine;
import dev.hum.log.LogSlice;
import java.util.StringJoiner;

/** Turns a {@link LogSlice} into one comparable string for a jcstress outcome. */
final class Slices {
    private Slices() {}

    /**
     * {@code SOURCE:text|SOURCE:text...}, {@code none} when empty, or {@code bad ...} when nothing was evicted yet
     * the slice reports missed lines, when {@code missed + lines} is not the cursor's move, or when the seqs are
     * not consecutive from the cursor's start.
     */
    static String describe(LogSlice slice, long fromSeq) {
        long moved = slice.nextSeq() - fromSeq;
        if (slice.missed() != 0 || slice.missed() + slice.lines().size() != moved) {
            return "bad missed=" + slice.missed() + " lines=" + slice.lines().size() + " moved=" + moved;
        }
        if (slice.lines().isEmpty()) {
            return "none";
        }
        StringJoiner out = new StringJoiner("|");
        long seq = fromSeq;
        for (LogLine line : slice.lines()) {
            if (line.seq() != seq++) {
                return "bad seq " + line.seq();
            }
            out.add(line.source() + ":" + line.text());
        }
        return out.toString();
    }
}
