package dev.hum.tui;

import dev.hum.config.ProcessSpec;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;

/** What the log pane's title says after a process's name and status: why it waits, or what it runs. */
final class PaneTitle {

    private PaneTitle() {}

    /**
     * The reason while the process waits, is blocked, not ready or backing off ("waiting for db: ready (tcp 5432)");
     * otherwise its command, marked ✓ once a readiness probe has passed.
     */
    static String detail(ProcessState s, ProcessSpec spec) {
        Status st = s.status();
        boolean explained = st == Status.WAITING
                || st == Status.BLOCKED
                || st == Status.NOT_READY
                || st == Status.BACKOFF
                || (st == Status.FAILED && !s.reason().isEmpty());
        if (explained && !s.reason().isEmpty()) {
            return s.reason();
        }
        String command = spec.command().display();
        return st == Status.RUNNING && spec.lifecycle().ready().isPresent() ? "✓ ready · " + command : command;
    }
}
