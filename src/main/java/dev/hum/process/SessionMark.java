package dev.hum.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The mark hum puts into the environment of every child: which hum session started it and as which
 * process. Descendants inherit it, so hum can find every process it is responsible for, even one
 * that left its process group and session and was re-parented, and a later hum can find what a
 * killed one left behind.
 *
 * @param id {@code <pid>-<start time>} of the hum that started the child; unique across pid reuse
 */
public record SessionMark(String id) {

    /** Names the hum session that started a process. */
    public static final String SESSION_VARIABLE = "HUM_SESSION";

    /** Names the process (as configured) that a process belongs to. */
    public static final String PROCESS_VARIABLE = "HUM_PROCESS";

    /** The mark of this JVM. */
    public static SessionMark current() {
        long pid = ProcessHandle.current().pid();
        long start = ProcEntry.read(pid).map(ProcEntry::startTime).orElse(0L);
        return new SessionMark(pid + "-" + start);
    }

    /** The pid of the hum that made this mark. */
    public long humPid() {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    /** True while the hum that made this mark still runs (same pid, same start time). */
    public boolean humAlive() {
        long pid = humPid();
        String start = id.substring(id.indexOf('-') + 1);
        // start 0: that hum could not read its own start time; any live process with its pid may be it, and
        // taking a live hum for dead would stop its processes
        return ProcEntry.read(pid)
                .filter(e -> (start.equals("0") || Long.toString(e.startTime()).equals(start)) && !e.isZombie())
                .isPresent();
    }

    void applyTo(Map<String, String> env, String processName) {
        env.put(SESSION_VARIABLE, id);
        env.put(PROCESS_VARIABLE, processName);
    }

    /**
     * The process name this mark gave {@code pid}, empty when it carries no mark of this session
     * (or is gone, or is not ours to read).
     */
    Optional<String> processOf(long pid) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String session = null;
        String process = null;
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                String entry = new String(environ, start, i - start, StandardCharsets.UTF_8);
                if (entry.startsWith(SESSION_VARIABLE + "=")) {
                    session = entry.substring(SESSION_VARIABLE.length() + 1);
                } else if (entry.startsWith(PROCESS_VARIABLE + "=")) {
                    process = entry.substring(PROCESS_VARIABLE.length() + 1);
                }
                start = i + 1;
            }
        }
        return id.equals(session) && process != null ? Optional.of(process) : Optional.empty();
    }
}
