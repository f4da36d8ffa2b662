package dev.hum.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small file in the runtime folder that names the running hum session and the process groups it
 * started, so that a hum started after this one was killed with SIGKILL can find what it left
 * behind and stop it. Deleted on every orderly way out.
 */
public final class Journal {

    /** No journal: for tests and for {@code hum mcp}, whose processes end with its client. */
    public static final Journal NONE = new Journal(null, null);

    private static final String HEADER = "hum-journal 1";
    private static final String SUFFIX = ".journal";

    /** {@code <pid>-<start time>}, as {@link SessionMark} makes them. */
    private static final Pattern SESSION_ID = Pattern.compile("\\d{1,18}-\\d{1,20}");

    private final @Nullable Path file;
    private final @Nullable SessionMark mark;

    private Journal(@Nullable Path file, @Nullable SessionMark mark) {
        this.file = file;
        this.mark = mark;
    }

    /**
     * Writes a new journal for {@code mark}: {@code <folder>/<base>.<session>.journal}, one file per
     * hum, so that two hums in one project folder never overwrite each other's record (the caller
     * has handled the journals of dead hums found there, see {@link #leftBehind}).
     */
    public static Journal start(Path folder, String base, SessionMark mark) throws IOException {
        if (!Files.isDirectory(folder)) {
            // Only its user may look into the runtime folder (the control socket lives there too).
            Files.createDirectories(
                    folder,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        Path file = folder.resolve(base + "." + mark.id() + SUFFIX);
        Files.writeString(file, HEADER + "\nsession " + mark.id() + "\n", StandardCharsets.UTF_8);
        return new Journal(file, mark);
    }

    /**
     * What dead hums left behind according to the journals named {@code <base>.<session>.journal} in
     * {@code folder}: one entry per journal whose hum no longer runs (the journals of running hums
     * are theirs alone). Each entry's {@link Leftovers#stop} also removes its journal.
     */
    public static List<Leftovers> leftBehind(Path folder, String base) {
        List<Leftovers> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, base + ".*" + SUFFIX)) {
            for (Path file : files) {
                String session = file.getFileName().toString();
                session = session.substring(base.length() + 1, session.length() - SUFFIX.length());
                // the glob alone would also take a project whose folder name extends this one's
                if (SESSION_ID.matcher(session).matches()) {
                    read(file).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            // no runtime folder yet, or unreadable: nothing this hum could clean up
        }
        return found;
    }

    private static Optional<Leftovers> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("session ")) {
            return Optional.empty();
        }
        SessionMark dead = new SessionMark(lines.get(1).substring("session ".length()));
        if (!SESSION_ID.matcher(dead.id()).matches() || dead.humAlive()) {
            return Optional.empty();
        }
        List<Long> groups = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            if (line.matches("group \\d{1,18}")) {
                long pgid = Long.parseLong(line.substring("group ".length()));
                if (ProcessTable.groupAlive(pgid)) {
                    groups.add(pgid);
                }
            }
        }
        int marked = ProcessTable.snapshot().marked(dead, null).size();
        return Optional.of(new Leftovers(file, dead, groups, marked));
    }

    /** What a killed hum left running, and its journal. */
    public static final class Leftovers {
        private final Path journal;
        private final SessionMark session;
        private final List<Long> groups;
        private final int marked;

        Leftovers(Path journal, SessionMark session, List<Long> groups, int marked) {
            this.journal = journal;
            this.session = session;
            this.groups = List.copyOf(groups);
            this.marked = marked;
        }

        /** True when nothing is left running (the journal itself may still be there). */
        public boolean isEmpty() {
            return marked == 0 && groups.isEmpty();
        }

        /** A line for the user: what was found. */
        public String describe() {
            return marked + " process(es) in " + groups.size() + " group(s) left by hum (pid " + session.humPid()
                    + ") that was killed";
        }

        /** Stops them all (TERM, a short grace, KILL) and removes the journal. Returns how many were found. */
        public int stop() {
            for (long pgid : groups) {
                Posix.signalGroup(pgid, 15);
            }
            int stopped = Orphans.stopAllMarked(session);
            for (long pgid : groups) {
                if (ProcessTable.groupAlive(pgid)) {
                    Posix.signalGroup(pgid, Posix.SIGKILL);
                }
            }
            try {
                Files.deleteIfExists(journal);
            } catch (IOException e) {
                // left in place it names a dead hum with nothing left: the next hum tries again
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
        return file == null || mark == null ? "Journal[none]" : "Journal[" + file + ", " + mark.id() + "]";
    }
}
