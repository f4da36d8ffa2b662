package dev.hum.control;

import dev.hum.process.ActionResult;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an agent may see and do with the processes of one session, wherever they run: in this JVM
 * ({@link LocalControl}) or in a dashboard reached over its socket ({@link ControlClient}).
 *
 * <p>Every method may throw {@link ControlException} with a message meant for the agent.
 */
public interface ProcessControl extends AutoCloseable {

    /** Most lines one log read or search returns, so that one answer stays a readable size. */
    int MAX_LIMIT = 1000;

    /**
     * Most bytes of line text (UTF-8) one log read or search returns. A thousand lines of 16 KiB would be 16
     * MiB, more than a model can take in or the bridge carries; an answer that stops short says so and
     * where to read on.
     */
    int MAX_ANSWER_BYTES = 256 * 1024;

    /** One line saying where the processes run, for diagnostics. */
    String describe();

    /** Every process in display order, or only the named one. */
    List<ProcessInfo> status(Optional<String> name);

    /** Starts a process unless it is already running; waits a bounded time for the outcome. */
    ActionResult run(String name);

    /** Stops a process's whole tree; waits a bounded time for the outcome. */
    ActionResult stop(String name);

    /** Stops a process if it is running and starts it again. */
    ActionResult restart(String name);

    /**
     * Writes {@code text}, and a newline when {@code newline}, to the standard input of the process's current
     * run (a pipe, not a terminal). Never waits on the process: a full pipe or one nobody reads is a failed
     * result that says so.
     */
    ActionResult sendInput(String name, String text, boolean newline);

    /**
     * Log lines from {@code cursor} on, at most {@code limit}; without a cursor, the newest {@code
     * limit} lines. With a name the cursor is that process's line sequence number; without one it is
     * the session-wide arrival number and the lines of all processes are interleaved. A cursor past the
     * end of the log is reset to the oldest line held, and the page says so. Either way at most {@link
     * #MAX_ANSWER_BYTES} of text: the page says how many lines it left out and where they start.
     */
    LogPage logs(Optional<String> name, OptionalLong cursor, int limit);

    /**
     * The newest {@code limit} lines matching {@code query} (plain text ignoring case, or a regex), oldest
     * first, within {@link #MAX_ANSWER_BYTES} of text.
     */
    Matches search(Optional<String> name, String query, boolean regex, int limit);

    /**
     * Waits until the named process meets {@code request}'s condition, its timeout passes, the process ends
     * first, or {@code cancel} is triggered; returns as soon as one of these holds (at once if the condition
     * already does). Blocks the calling thread, which sleeps until the process's state or log changes.
     */
    WaitResult waitFor(WaitRequest request, Cancel cancel);

    /** Releases what this control holds; the local one stops every process. */
    @Override
    void close();
}
