package dev.hum.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a screen or an agent shows about one process, as one immutable value.
 *
 * <p>Every transition method is pure: it returns a new state whose {@code version} is one more, or
 * returns {@code this} unchanged when the move is not legal from here. {@link StateCell} relies on
 * that identity to recognise a refused transition without retrying it.
 *
 * @param id stable index of the process in its registry
 * @param name the user's name for it, unique in the registry
 * @param status where it is in its life
 * @param pid the leader's pid (also its process group id) while live; 0 when it has none
 * @param run how many times it has been started in this session; the exit of one run never touches
 *     another
 * @param startedAt when the current or last run started
 * @param endedAt when the last run ended, empty while live
 * @param exit how the last run ended
 * @param restarts how many times it was started again after its first run
 * @param lines how many log lines it has produced in this session
 * @param reason why it failed to start, why it was stopped, what it waits for or why it is blocked; empty when
 *     there is nothing to say
 * @param restartAt when a BACKOFF ends and the next run starts; empty in every other status
 * @param version grows by one with every change; compare with {@code a - b > 0}, which stays right
 *     past overflow
 */
public record ProcessState(
        int id,
        String name,
        Status status,
        long pid,
        int run,
        Optional<Instant> startedAt,
        Optional<Instant> endedAt,
        Exit exit,
        int restarts,
        long lines,
        String reason,
        Optional<Instant> restartAt,
        long version) {

    public ProcessState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(exit, "exit");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(restartAt, "restartAt");
    }

    /** A process that has never run, at version 0. */
    public static ProcessState initial(int id, String name) {
        return initial(id, name, 0L);
    }

    /** A process that has never run, at the given version (tests start near overflow). */
    public static ProcessState initial(int id, String name, long version) {
        return new ProcessState(
                id,
                name,
                Status.NOT_STARTED,
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                Exit.NONE,
                0,
                0,
                "",
                Optional.empty(),
                version);
    }

    /** Any status without a live run (NOT_STARTED, WAITING, BACKOFF, STOPPED, ...) to STARTING, as run {@code run + 1}. */
    public ProcessState start(Instant now) {
        if (!status.canStart()) {
            return this;
        }
        int nextRestarts = run == 0 ? restarts : restarts + 1;
        return new ProcessState(
                id,
                name,
                Status.STARTING,
                0,
                run + 1,
                Optional.of(now),
                Optional.empty(),
                Exit.NONE,
                nextRestarts,
                lines,
                "",
                Optional.empty(),
                version + 1);
    }

    /**
     * The operating system handed back a pid for run {@code ofRun}: STARTING becomes RUNNING. A stop
     * that came in during the start stays STOPPING, now with the pid it must signal.
     */
    public ProcessState launched(int ofRun, long newPid) {
        return launched(ofRun, newPid, false);
    }

    /**
     * As {@link #launched(int, long)}; with {@code awaitsReady} (a readiness probe decides) it stays STARTING with
     * the pid until {@link #ready} or {@link #notReady}.
     */
    public ProcessState launched(int ofRun, long newPid, boolean awaitsReady) {
        if (ofRun != run || pid != 0) {
            return this;
        }
        if (status == Status.STARTING) {
            return with(awaitsReady ? Status.STARTING : Status.RUNNING, newPid, endedAt, exit, reason);
        }
        if (status == Status.STOPPING) {
            return with(Status.STOPPING, newPid, endedAt, exit, reason);
        }
        return this;
    }

    /**
     * STARTING, RUNNING or NOT_READY to STOPPING: a stop was asked for. WAITING, BLOCKED or BACKOFF have no run to
     * stop: they become STOPPED at once, so the start they waited for never comes.
     */
    public ProcessState stopRequested(String why) {
        if (status == Status.WAITING || status == Status.BLOCKED || status == Status.BACKOFF) {
            return with(Status.STOPPED, 0, endedAt, exit, why);
        }
        if (status != Status.STARTING && status != Status.RUNNING && status != Status.NOT_READY) {
            return this;
        }
        return with(Status.STOPPING, pid, endedAt, exit, why);
    }

    /**
     * A start was asked for but a dependency is missing: WAITING, saying for what. Taken from any status without a
     * live run, and again when the reason changes.
     */
    public ProcessState waiting(String why) {
        if (status.isLive() || (status == Status.WAITING && reason.equals(why))) {
            return this;
        }
        return with(Status.WAITING, 0, endedAt, exit, why);
    }

    /** WAITING (or BLOCKED for another reason) to BLOCKED: a dependency failed. */
    public ProcessState blocked(String why) {
        if (!(status == Status.WAITING || (status == Status.BLOCKED && !reason.equals(why)))) {
            return this;
        }
        return with(Status.BLOCKED, 0, endedAt, exit, why);
    }

    /** The probe of run {@code ofRun} passed: STARTING (with a pid) or NOT_READY to RUNNING. */
    public ProcessState ready(int ofRun) {
        if (ofRun != run || pid == 0 || (status != Status.STARTING && status != Status.NOT_READY)) {
            return this;
        }
        return with(Status.RUNNING, pid, endedAt, exit, "");
    }

    /** The probe of run {@code ofRun} timed out: STARTING (with a pid) to NOT_READY; it keeps running. */
    public ProcessState notReady(int ofRun, String why) {
        if (ofRun != run || pid == 0 || status != Status.STARTING) {
            return this;
        }
        return with(Status.NOT_READY, pid, endedAt, exit, why);
    }

    /** Run {@code ofRun} ended by itself (EXITED or FAILED): BACKOFF until {@code at}, then the next run. */
    public ProcessState backoff(int ofRun, Instant at, String why) {
        if (ofRun != run || (status != Status.EXITED && status != Status.FAILED)) {
            return this;
        }
        return new ProcessState(
                id,
                name,
                Status.BACKOFF,
                0,
                run,
                startedAt,
                endedAt,
                exit,
                restarts,
                lines,
                why,
                Optional.of(at),
                version + 1);
    }

    /** Run {@code ofRun} ended and will not be restarted any more: FAILED, saying why. */
    public ProcessState gaveUp(int ofRun, String why) {
        if (ofRun != run || (status != Status.EXITED && status != Status.FAILED) || reason.equals(why)) {
            return this;
        }
        return with(Status.FAILED, 0, endedAt, exit, why);
    }

    /**
     * Run {@code ofRun} ended. After a stop request it is STOPPED whatever the exit; otherwise EXITED
     * for code 0 and FAILED for anything else. Refused for another run or a run already ended.
     */
    public ProcessState ended(int ofRun, Exit how, Instant now) {
        if (ofRun != run || !status.isLive() || how instanceof Exit.None) {
            return this;
        }
        Status next;
        if (status == Status.STOPPING) {
            next = Status.STOPPED;
        } else if (how instanceof Exit.Code code && code.code() == 0) {
            next = Status.EXITED;
        } else {
            next = Status.FAILED;
        }
        return with(next, 0, Optional.of(now), how, reason);
    }

    /**
     * Run {@code ofRun} could not be started at all (missing binary, missing folder, ...). FAILED
     * with the reason; STOPPED if a stop was asked for meanwhile, since the user wanted it down.
     */
    public ProcessState failedToStart(int ofRun, String why, Instant now) {
        if (ofRun != run || (status != Status.STARTING && status != Status.STOPPING)) {
            return this;
        }
        Status next = status == Status.STOPPING ? Status.STOPPED : Status.FAILED;
        return with(next, 0, Optional.of(now), Exit.NONE, why);
    }

    /** The log now holds {@code total} lines; refused unless it grew, so racing pumps keep the max. */
    public ProcessState withLines(long total) {
        if (total - lines <= 0) {
            return this;
        }
        return new ProcessState(
                id, name, status, pid, run, startedAt, endedAt, exit, restarts, total, reason, restartAt, version + 1);
    }

    /** How long the current run has been up, or how long the last run lasted. */
    public Duration uptime(Instant now) {
        if (startedAt.isEmpty()) {
            return Duration.ZERO;
        }
        Duration up = Duration.between(startedAt.get(), endedAt.orElse(now));
        return up.isNegative() ? Duration.ZERO : up;
    }

    /** The status as the user reads it: RUNNING, EXITED 0, FAILED 1, KILLED SIGTERM, NOT STARTED. */
    public String statusWord() {
        return StatusWords.of(this);
    }

    private ProcessState with(Status newStatus, long newPid, Optional<Instant> newEndedAt, Exit newExit, String why) {
        return new ProcessState(
                id,
                name,
                newStatus,
                newPid,
                run,
                startedAt,
                newEndedAt,
                newExit,
                restarts,
                lines,
                why,
                Optional.empty(),
                version + 1);
    }
}
