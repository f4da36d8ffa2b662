package dev.hum.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small file in the runtime folder that names the running hum session and the process groups it
 * started, so that a hum started after this one was killed with SIGKILL can find what it left
 * behind and stop it. Deleted on every orderly way out.
 */
public final class Journal {

    /** No journal: for tests and for {@code hum mcp}, whose processes end with its client. */
    public static final Journal NONE = new Journal(null, null);

    private static final String HEADER = "hum-journal 1";

    private final Path file;
    private final SessionMark mark;

    private Journal(Path file, SessionMark mark) {
        this.file = file;
        this.mark = mark;
    }

    /**
     * Writes a new journal for {@code mark} at {@code file} (the caller has handled any journal
     * found there, see {@link #leftBehind}).
     */
    public static Journal start(Path file, SessionMark mark) throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            // Only its user may look into the runtime folder (the control socket lives there too).
            Files.createDirectories(
                    file.getParent(),
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        Files.writeString(file, HEADER + "\nsession " + mark.id() + "\n", StandardCharsets.UTF_8);
        return new Journal(file, mark);
    }

    /**
     * The processes a dead hum left behind according to the journal at {@code file}: those that
     * still carry its session mark, and the members of the groups it recorded. Empty when there is
     * no journal, or its hum still runs.
     */
    public static Leftovers leftBehind(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Leftovers.NONE;
        }
        if (lines.isEmpty()
                || !lines.get(0).equals(HEADER)
                || lines.size() < 2
                || !lines.get(1).startsWith("session ")) {
            return Leftovers.NONE;
        }
        SessionMark dead = new SessionMark(lines.get(1).substring("session ".length()));
        if (dead.humAlive()) {
            return Leftovers.NONE;
        }
        ProcessTable table = ProcessTable.snapshot();
        List<Long> groups = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            if (line.startsWith("group ")) {
                long pgid = Long.parseLong(line.substring("group ".length()).trim());
                if (ProcessTable.groupAlive(pgid)) {
                    groups.add(pgid);
                }
            }
        }
        int marked = table.marked(dead, null).size();
        return new Leftovers(Optional.of(dead), groups, marked);
    }

    /** What a killed hum left running. */
    public static final class Leftovers {
        static final Leftovers NONE = new Leftovers(Optional.empty(), List.of(), 0);

        private final Optional<SessionMark> session;
        private final List<Long> groups;
        private final int marked;

        Leftovers(Optional<SessionMark> session, List<Long> groups, int marked) {
            this.session = session;
            this.groups = List.copyOf(groups);
            this.marked = marked;
        }

        /** True when nothing is left. */
        public boolean isEmpty() {
            return marked == 0 && groups.isEmpty();
        }

        /** A line for the user: what was found. */
        public String describe() {
            return marked + " process(es) in " + groups.size() + " group(s) left by hum (pid "
                    + session.map(SessionMark::humPid).orElse(0L) + ") that was killed";
        }

        /** Stops them all: TERM, a short grace, KILL. Returns how many were found. */
        public int stop() {
            for (long pgid : groups) {
                Posix.signalGroup(pgid, 15);
            }
            int stopped = session.map(Orphans::stopAllMarked).orElse(0);
            for (long pgid : groups) {
                if (ProcessTable.groupAlive(pgid)) {
                    Posix.signalGroup(pgid, Posix.SIGKILL);
                }
            }
            return stopped;
        }
    }

    /** Records a process group just started, before its first line could be lost with hum. */
    void recordGroup(long pgid) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, "group " + pgid + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // A lost journal only weakens the clean-up after a SIGKILL; running goes on.
        }
    }

    /** Removes the journal: this hum has stopped everything it started. */
    void close() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left in place it names a dead hum with nothing left: harmless to the next one.
        }
    }

    @Override
    public String toString() {
        return file == null ? "Journal[none]" : "Journal[" + file + ", " + mark.id() + "]";
    }
}
