package dev.hum.headless;

import dev.hum.process.ActionResult;
import dev.hum.process.Supervisor;
import dev.hum.state.Exit;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the started processes to their end, printing their lines, and returns the worst exit code. */
public final class HeadlessRunner {

    /** Polling interval: short enough to feel live, long enough that an idle hum costs nothing. */
    private static final long POLL_MILLIS = 25;

    private final Supervisor supervisor;
    private final LinePrinter printer;

    public HeadlessRunner(Supervisor supervisor, OutputStream out, boolean colour) {
        this.supervisor = supervisor;
        this.printer = new LinePrinter(supervisor.processes(), supervisor.merged(), out, colour);
    }

    /**
     * Waits for {@code starts}, then prints lines until no process is live any more, and returns
     * the worst exit status: 0 when all exited cleanly, a process's code, 128 + n for a signal, 1
     * for a process that could not start.
     */
    public int run(List<CompletableFuture<ActionResult>> starts) throws InterruptedException {
        for (CompletableFuture<ActionResult> start : starts) {
            while (!start.isDone()) {
                printer.drain();
                Thread.sleep(POLL_MILLIS);
            }
        }
        while (anyLive()) {
            if (printer.drain() == 0) {
                Thread.sleep(POLL_MILLIS);
            }
        }
        flush();
        return worstStatus(supervisor.registry().board().states());
    }

    /** Prints whatever is left; called by the shutdown hook after every process was stopped. */
    public void flush() {
        while (printer.drain() > 0) {
            // a page at a time until nothing is left
        }
    }

    private boolean anyLive() {
        for (ProcessState s : supervisor.registry().board().states()) {
            if (s.status().isLive()) {
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
