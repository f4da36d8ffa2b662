package dev.hum.control;

import java.util.List;
import java.util.Optional;

/**
 * Lines read after a cursor, or the newest lines.
 *
 * @param lines the lines, oldest first
 * @param missed lines after the cursor that the scrollback had already dropped
 * @param nextCursor the cursor to pass next time to continue right after these lines
 * @param cursorReset whether the cursor given was past the end of the log (a cursor from an earlier hum, or
 *     from another log), so these lines are read from the oldest held instead
 * @param leftOut the lines left out to keep the answer within {@link ProcessControl#MAX_ANSWER_BYTES}
 */
public record LogPage(
        List<LogEntry> lines, long missed, long nextCursor, boolean cursorReset, Optional<LeftOut> leftOut) {
    public LogPage {
        lines = List.copyOf(lines);
    }
}
