package dev.hum.control;

import java.util.OptionalInt;

/**
 * One process as an agent sees it, taken from a single state snapshot.
 *
 * @param name the user's name for the process
 * @param command the command line, for display only
 * @param autostart whether the configuration starts it with the dashboard
 * @param status the status word the dashboard shows: RUNNING, EXITED 0, FAILED 1, NOT STARTED, ...
 * @param pid the leader's pid while live, else 0
 * @param uptimeMillis how long the current run has been up, or how long the last run lasted
 * @param exitCode the last run's exit code, when it ended with one
 * @param signal the signal that ended the last run, when one did
 * @param restarts how many times it was started again after its first run
 * @param lines how many log lines it has produced in this session
 * @param reason why it failed to start or was stopped; empty when there is nothing to say
 */
public record ProcessInfo(
        String name,
        String command,
        boolean autostart,
        String status,
        long pid,
        long uptimeMillis,
        OptionalInt exitCode,
        OptionalInt signal,
        int restarts,
        long lines,
        String reason) {}
