package dev.hum.headless;

import dev.hum.process.ActionResult;
import dev.hum.process.Supervised;
import dev.hum.process.Supervisor;
import dev.hum.state.Exit;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** Runs the started processes to their end, printing their lines, and returns the worst exit code. */
public final class HeadlessRunner {

    /** Polling interval: short enough to feel live, long enough that an idle hum costs nothing. */
    private static final long POLL_MILLIS = 25;

    /**
     * What {@link #run} returns when its output was closed ({@code hum --headless | head -2}): 128 + SIGPIPE, the
     * status of a tool that the closed pipe killed.
     */
    public static final int OUTPUT_CLOSED = 128 + 13;

    private final Supervisor supervisor;
    private final LinePrinter printer;
    private final BooleanSupplier readerGone;

    /**
     * Prints to {@code out}, names padded to the longest of the processes {@code started} at launch. {@code readerGone} tells, without writing, that nobody reads {@code out} any more
     * (a write that fails says so too, but only once something is printed).
     */
    public HeadlessRunner(
            Supervisor supervisor,
            List<Supervised> started,
            OutputStream out,
            boolean colour,
            BooleanSupplier readerGone) {
        this.supervisor = supervisor;
        this.readerGone = readerGone;
        this.printer = new LinePrinter(supervisor.processes(), started, supervisor.merged(), out, colour);
    }

    /**
     * Waits for {@code starts}, then prints lines until no process is live any more, and returns
     * the worst exit status: 0 when all exited cleanly, a process's code, 128 + n for a signal, 1
     * for a process that could not start. Returns {@link #OUTPUT_CLOSED} as soon as its output is closed:
     * the caller then stops every process and exits without another word.
     */
    public int run(List<CompletableFuture<ActionResult>> starts) throws InterruptedException {
        for (CompletableFuture<ActionResult> start : starts) {
            while (!start.isDone()) {
                if (outputClosed(printer.drain())) {
                    return OUTPUT_CLOSED;
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        // Over only when nothing is live or due twice, a poll apart: a run's end is published a moment before the
        // coordinator hears of it and decides a restart or a dependent's start (Supervisor.settling).
        while (anyLive() || pause() || anyLive()) {
            int printed = printer.drain();
            if (outputClosed(printed)) {
                return OUTPUT_CLOSED;
            }
            if (printed == 0) {
                Thread.sleep(POLL_MILLIS);
            }
        }
        flush();
        return printer.failed()
                ? OUTPUT_CLOSED
                : worstStatus(supervisor.registry().board().states());
    }

    /** Prints whatever is left; called by the shutdown hook after every process was stopped. */
    public void flush() {
        while (printer.drain() > 0 && !printer.failed()) {
            // a page at a time until nothing is left, or nobody reads any more
        }
    }

    /** A failed write says it at once; while idle, nothing is written, so the reader's end is asked. */
    private boolean outputClosed(int printed) {
        return printer.failed() || (printed == 0 && readerGone.getAsBoolean());
    }

    /** Live, or ended while what it started still writes: its last lines are still to come. */
    /** Sleeps one poll interval; false, so that it reads as a pause between two looks. */
    private static boolean pause() throws InterruptedException {
        Thread.sleep(POLL_MILLIS);
        return false;
    }

    private boolean anyLive() {
        if (supervisor.settling()) {
            return true;
        }
        for (ProcessState s : supervisor.registry().board().states()) {
            if (s.status().isLive() || s.status().isPending() || supervisor.outputOpen(s.name())) {
                return true;
            }
        }
        return false;
    }

    static int worstStatus(List<ProcessState> states) {
        int worst = 0;
        for (ProcessState s : states) {
            if (s.status() != Status.FAILED) {
                continue;
            }
            int status = s.exit() instanceof Exit.None ? 1 : s.exit().shellStatus();
            worst = Math.max(worst, status);
        }
        return worst;
    }
}
