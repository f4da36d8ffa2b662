package dev.hum.log;

import java.util.List;

/**
 * Lines read from a {@link LogBuffer}, oldest first. {@code missed} counts lines the reader asked for that the ring had
 * already overwritten; {@code nextSeq} is the cursor to continue from, so that {@code missed + lines.size()} is
 * always the distance the cursor moved.
 */
public record LogSlice(List<LogLine> lines, long missed, long nextSeq) {
    public LogSlice {
        lines = List.copyOf(lines);
    }
}
