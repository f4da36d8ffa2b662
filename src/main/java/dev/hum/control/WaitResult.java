package dev.hum.control;

import java.util.List;
import java.util.Optional;

/**
 * How a wait ended.
 *
 * @param outcome {@code met}; or {@code timeout}, {@code ended} (the process exited, failed or was stopped
 *     before the condition held, or was not running), {@code cancelled}
 * @param message one sentence for a person or a model
 * @param line for a log wait, the matching line
 * @param nextCursor the cursor right after the matching line, or after the log's last line: pass it to wait for
 *     what comes next
 * @param before up to 10 lines before the matching line (or the newest ones when no line matched)
 * @param process the process's status when the wait ended
 * @param tail when the wait failed, the process's last 20 lines, so the reason can be seen
 */
public record WaitResult(
        String outcome,
        String message,
        Optional<LogEntry> line,
        long nextCursor,
        List<LogEntry> before,
        ProcessInfo process,
        List<LogEntry> tail) {

    public static final String MET = "met";
    public static final String TIMEOUT = "timeout";
    public static final String ENDED = "ended";
    public static final String CANCELLED = "cancelled";

    public WaitResult {
        before = List.copyOf(before);
        tail = List.copyOf(tail);
    }

    public boolean met() {
        return outcome.equals(MET);
    }
}
