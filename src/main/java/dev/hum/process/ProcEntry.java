package dev.hum.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of {@code /proc/PID/stat}: enough to walk a process tree and to tell a process from a
 * later one that reused its pid.
 *
 * @param startTime clock ticks after boot at which it started; with the pid, an identity
 * @param cpuTicks user plus system time it has used, in clock ticks
 * @param rssPages its resident set, in pages
 */
record ProcEntry(long pid, long ppid, long pgid, long sid, char state, long startTime, long cpuTicks, long rssPages) {

    private static final Path PROC = Path.of("/proc");

    /** Reads the entry of {@code pid}, empty when it has gone (or /proc is not there). */
    static Optional<ProcEntry> read(long pid) {
        try {
            byte[] bytes = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("stat"));
            return parse(pid, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #read}, but a process that has gone costs one access(2) and no exception: opening a missing file
     * throws two (the JDK's internal one and a NoSuchFileException with its stack trace). The sampler re-reads the
     * members of each tree it knows, and a shell that runs {@code sleep 1} in a loop has a member gone every time.
     */
    static Optional<ProcEntry> readIfPresent(long pid) {
        if (!Files.exists(PROC.resolve(Long.toString(pid)).resolve("stat"))) {
            return Optional.empty();
        }
        return read(pid);
    }

    /**
     * Parses a stat line. The command name sits in parentheses and may itself hold spaces and
     * parentheses, so the fields are counted from the last ')'.
     */
    static Optional<ProcEntry> parse(long pid, String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return Optional.empty();
        }
        String[] f = stat.substring(close + 2).trim().split(" ");
        // After the name: state(0) ppid(1) pgrp(2) session(3) ... utime(11) stime(12) ... starttime(19) vsize(20)
        // rss(21)
        if (f.length < 22) {
            return Optional.empty();
        }
        return Optional.of(new ProcEntry(
                pid,
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                f[0].charAt(0),
                Long.parseLong(f[19]),
                Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[21])));
    }

    /** A zombie has exited and only waits to be reaped: it holds no resources worth a signal. */
    boolean isZombie() {
        return state == 'Z' || state == 'X';
    }

    /** True when this pid still names the same, live (not zombie) process. */
    boolean stillAlive() {
        return read(pid)
                .filter(now -> now.startTime == startTime && !now.isZombie())
                .isPresent();
    }
}
