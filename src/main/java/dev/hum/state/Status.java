package dev.hum.state;

/** Where a process is in its life; the legal moves between these are in {@link ProcessState}. */
public enum Status {
    /** Listed, never started in this session. */
    NOT_STARTED,
    /** Asked to start; the operating system has not yet handed back a pid. */
    STARTING,
    /** Has a pid and has not exited. */
    RUNNING,
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
        return this == STARTING || this == RUNNING || this == STOPPING;
    }

    /** True when a new run may start from here. */
    public boolean canStart() {
        return !isLive();
    }
}
