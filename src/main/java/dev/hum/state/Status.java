package dev.hum.state;

/** Where a process is in its life; the legal moves between these are in {@link ProcessState}. */
public enum Status {
    /** Listed, never started in this session. */
    NOT_STARTED,
    /** Asked to start, but a dependency is not there yet; the reason says which and for what. */
    WAITING,
    /** Asked to start, but a dependency failed (the reason says which); starts when it recovers. */
    BLOCKED,
    /** Started: no pid yet, or a pid whose readiness probe has not passed yet. */
    STARTING,
    /** Has a pid and is ready (its probe passed, or it has none), and has not exited. */
    RUNNING,
    /** Has a pid, but its readiness probe timed out; it keeps running. */
    NOT_READY,
    /** Ended by itself; hum starts it again when the delay is over. */
    BACKOFF,
    /** The user (or hum on its way out) asked it to stop; waiting for the whole group to go. */
    STOPPING,
    /** Ended after a stop request: never reported as a failure, whatever its exit code. */
    STOPPED,
    /** Ended by itself with exit code 0. */
    EXITED,
    /** Ended by itself with a non-zero code or a signal, or could not be started. */
    FAILED;

    /** True while a run is in progress: a pid exists or is about to. */
    public boolean isLive() {
        return this == STARTING || this == RUNNING || this == NOT_READY || this == STOPPING;
    }

    /** True while no run is in progress but one is due: waiting for a dependency, or for a restart's delay. */
    public boolean isPending() {
        return this == WAITING || this == BACKOFF;
    }

    /** True when a new run may start from here. */
    public boolean canStart() {
        return !isLive();
    }
}
