package dev.hum.control;

import java.util.List;
import java.util.Objects;
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
 * @param order its place in the start order: ready, what it waits for, its restart policy
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
        OptionalLong rssBytes,
        Order order) {

    public ProcessInfo {
        ports = List.copyOf(ports);
        urls = List.copyOf(urls);
        Objects.requireNonNull(order, "order");
    }

    /** A process with nothing to say about start order (no dependencies, never restarted). */
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
            String reason,
            List<Integer> ports,
            List<String> urls,
            String portConflict,
            OptionalDouble cpuPercent,
            OptionalLong rssBytes) {
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
                ports,
                urls,
                portConflict,
                cpuPercent,
                rssBytes,
                Order.NONE);
    }

    /** A process with nothing sampled (no ports, URLs, conflict, CPU or memory known) and no start order. */
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
                OptionalLong.empty(),
                Order.NONE);
    }

    /**
     * Start order and restarts, as MCP's {@code scripts_status} gives them.
     *
     * @param ready whether it is ready (RUNNING: its probe passed, or it has none and started)
     * @param waitingFor what a WAITING process waits for, one dependency each ("db: ready (tcp 5432)")
     * @param blockedBy the failed dependencies of a BLOCKED process ("migrate FAILED 3")
     * @param nextRestartInSeconds seconds until the next run while in BACKOFF
     * @param restartPolicy no, on-failure or always
     */
    public record Order(
            boolean ready,
            List<String> waitingFor,
            List<String> blockedBy,
            OptionalLong nextRestartInSeconds,
            String restartPolicy) {
        public static final Order NONE = new Order(false, List.of(), List.of(), OptionalLong.empty(), "no");

        public Order {
            waitingFor = List.copyOf(waitingFor);
            blockedBy = List.copyOf(blockedBy);
        }
    }
}
