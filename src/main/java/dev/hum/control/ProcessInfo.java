package dev.hum.control;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

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
 * @param ports the TCP ports its process tree listens on, ascending (sampled about once a second)
 * @param urls the local URLs its current run printed, first seen first
 * @param portConflict hum's notice about the port its current run found taken; empty when there was none
 * @param cpuPercent its tree's CPU use over the last second, in percent of one core, when measured
 * @param rssBytes its tree's resident memory, while it runs
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
        String reason,
        List<Integer> ports,
        List<String> urls,
        String portConflict,
        OptionalDouble cpuPercent,
        OptionalLong rssBytes) {

    public ProcessInfo {
        ports = List.copyOf(ports);
        urls = List.copyOf(urls);
    }

    /** A process with nothing sampled (no ports, URLs, conflict, CPU or memory known). */
    public ProcessInfo(
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
            String reason) {
        this(
                name,
                command,
                autostart,
                status,
                pid,
                uptimeMillis,
                exitCode,
                signal,
                restarts,
                lines,
                reason,
                List.of(),
                List.of(),
                "",
                OptionalDouble.empty(),
                OptionalLong.empty());
    }
}
