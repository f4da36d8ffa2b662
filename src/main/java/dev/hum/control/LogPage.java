package dev.hum.control;

import java.util.List;

/**
 * Lines read after a cursor.
 *
 * @param lines the lines, oldest first
 * @param missed lines after the cursor that the scrollback had already dropped
 * @param nextCursor the cursor to pass next time to continue right after these lines
 */
public record LogPage(List<LogEntry> lines, long missed, long nextCursor) {
    public LogPage {
        lines = List.copyOf(lines);
    }
}
