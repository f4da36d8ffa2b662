package dev.hum.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds who listens on a TCP port and says it in a line of hum's own. Nothing here signals anything. */
public final class PortHolder {

    /** Linux's USER_HZ, the unit of {@code /proc/PID/stat}'s times, fixed for user space on every architecture. */
    static final long TICKS_PER_SECOND = 100;

    private static final int MAX_COMMAND = 80;

    private static final int MAX_ANCESTORS = 64;

    private PortHolder() {}

    /**
     * Who listens on {@code port}, empty when nobody does now: {@code port 3000 is held by pid 4242 (node server.js,
     * up 2h), not started by this hum}, {@code ..., started by api in this hum}, or, for a process hum may not read,
     * {@code port 3000 is held by a process of uid 0 that hum cannot see (another user's)}. Reads all of /proc, so
     * call it on an event, not per frame.
     *
     * @param leaders the pids of this hum's running processes (their group leaders), by process name: a holder
     *     whose environment lost hum's mark (turbo's strict environment mode passes its tasks only the variables
     *     it knows) is still this hum's when one of these is among its ancestors
     */
    public static Optional<String> describe(int port, SessionMark mark, Map<Long, String> leaders) {
        Set<Long> inodes = new HashSet<>();
        int uid = -1;
        for (ListeningSockets.Listener l : ListeningSockets.read()) {
            if (l.port() == port) {
                inodes.add(l.inode());
                uid = l.uid();
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        List<Long> pids = OpenSockets.holders(inodes);
        if (pids.isEmpty()) {
            return Optional.of("port " + port + " is held by a process of uid " + uid
                    + " that hum cannot see (another user's, or in another container)");
        }
        long pid = topmost(pids);
        String who = "pid " + pid + " (" + command(pid) + uptime(pid) + ")";
        String whose = mark.processOf(pid)
                .or(() -> ancestorAmong(pid, leaders))
                .map(name -> "started by " + name + " in this hum")
                .orElse("not started by this hum");
        return Optional.of("port " + port + " is held by " + who + ", " + whose);
    }

    /** The name of the first of {@code leaders} found walking up from {@code pid} through its parents. */
    static Optional<String> ancestorAmong(long pid, Map<Long, String> leaders) {
        long at = pid;
        // a bound, not a depth any real tree reaches: a parent chain read while processes exit and pids are reused
        // could in principle loop
        for (int step = 0; step < MAX_ANCESTORS && at > 1; step++) {
            String name = leaders.get(at);
            if (name != null) {
                return Optional.of(name);
            }
            at = ProcEntry.read(at).map(ProcEntry::ppid).orElse(0L);
        }
        return Optional.empty();
    }

    /** Of processes sharing a socket (a server's workers), the one whose parent does not hold it too. */
    private static long topmost(List<Long> pids) {
        for (long pid : pids) {
            long parent = ProcEntry.read(pid).map(ProcEntry::ppid).orElse(0L);
            if (!pids.contains(parent)) {
                return pid;
            }
        }
        return pids.get(0);
    }

    /** The command line, arguments separated by spaces, the program without its folder, shortened to a glance. */
    static String command(long pid) {
        String text;
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            text = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
            // the program's own name, not its path: /usr/local/bin/node server.js reads node server.js
            int space = text.indexOf(' ');
            String program = space < 0 ? text : text.substring(0, space);
            text = program.substring(program.lastIndexOf('/') + 1) + (space < 0 ? "" : text.substring(space));
        } catch (IOException e) {
            text = "";
        }
        if (text.isEmpty()) {
            return "?";
        }
        return text.length() > MAX_COMMAND ? text.substring(0, MAX_COMMAND - 1) + "…" : text;
    }

    private static String uptime(long pid) {
        Optional<ProcEntry> e = ProcEntry.read(pid);
        double sinceBoot;
        try {
            String up = Files.readString(Path.of("/proc/uptime"));
            sinceBoot = Double.parseDouble(up.substring(0, up.indexOf(' ')));
        } catch (IOException | RuntimeException ex) {
            return "";
        }
        if (e.isEmpty()) {
            return "";
        }
        long seconds = (long) (sinceBoot - (double) e.get().startTime() / TICKS_PER_SECOND);
        return ", up " + shortDuration(Math.max(0, seconds));
    }

    /** 40s, 12m, 2h, 3d: how long, at a glance. */
    static String shortDuration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86400 + "d";
    }
}
