package dev.hum.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small file in the runtime folder that names the running hum session and the process groups it
 * started, each with its leader's start time, so that a hum started after this one was killed with
 * SIGKILL can find what it left behind and stop it, and nothing else. Deleted on every orderly way
 * out; a group leaves it when its leader has exited.
 */
public final class Journal {

    /*
     * recordGroup runs on the control threads, dropGroup on the exit executor, close on whoever stops
     * the supervisor: all three hold this journal's monitor, and each change rewrites the whole file
     * through a rename, so a hum killed at any moment leaves either the old or the new list, never
     * half of one.
     */

    /** No journal: for tests and embedders that need none. */
    public static final Journal NONE = new Journal(null, null, List.of(), Optional.empty());

    private static final String HEADER = "hum-journal 2";
    /** Groups of version 1 carry no start time, so they are never signalled; their marked processes still are. */
    private static final String HEADER_1 = "hum-journal 1";

    private static final String SUFFIX = ".journal";

    /** {@code <pid>-<start time>}, as {@link SessionMark} makes them. */
    private static final Pattern SESSION_ID = Pattern.compile("\\d{1,18}-\\d{1,20}");

    private static final Pattern GROUP = Pattern.compile("group (\\d{1,18}) (\\d{1,20})");

    private final @Nullable Path file;
    private final @Nullable SessionMark mark;
    private final List<Recovered> recovered;
    private final Optional<String> problem;
    private final Map<Long, Long> groups = new LinkedHashMap<>(); // guarded by this: pgid -> leader start time
    private boolean closed; // guarded by this

    private Journal(
            @Nullable Path file, @Nullable SessionMark mark, List<Recovered> recovered, Optional<String> problem) {
        this.file = file;
        this.mark = mark;
        this.recovered = List.copyOf(recovered);
        this.problem = problem;
    }

    /**
     * What a hum does first in a project: stops what dead hums left there (their journals in {@code
     * folder} named {@code <base>.<session>.journal}), then writes its own journal. Never fails: without
     * a journal hum still runs, and {@link #problem} says what is lost.
     */
    public static Journal open(Path folder, String base) {
        List<Recovered> recovered = new ArrayList<>();
        for (Leftovers left : leftBehind(folder, base)) {
            recovered.addAll(left.stopped());
            left.stop();
        }
        try {
            Journal journal = start(folder, base, SessionMark.current());
            return new Journal(journal.file, journal.mark, recovered, Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Journal(
                    null,
                    null,
                    recovered,
                    Optional.of("cannot write a journal in " + folder + " (" + e.getMessage()
                            + "); if hum is killed, its processes may be left running"));
        }
    }

    /**
     * Writes a new journal for {@code mark}: {@code <folder>/<base>.<session>.journal}, one file per
     * hum, so that two hums in one project folder never overwrite each other's record. The folder is
     * made, or must already be, a 0700 folder of the current user (see {@link RuntimeFolder}).
     */
    public static Journal start(Path folder, String base, SessionMark mark) throws IOException {
        RuntimeFolder.prepare(folder);
        Journal journal =
                new Journal(folder.resolve(base + "." + mark.id() + SUFFIX), mark, List.of(), Optional.empty());
        synchronized (journal) {
            journal.rewrite();
        }
        return journal;
    }

    /**
     * What dead hums left behind according to the journals named {@code <base>.<session>.journal} in
     * {@code folder}: one entry per journal whose hum no longer runs (the journals of running hums are
     * theirs alone). Nothing is read unless the folder is a 0700 folder of the current user, and only
     * journals that are regular files of that user. Each entry's {@link Leftovers#stop} also removes
     * its journal.
     */
    public static List<Leftovers> leftBehind(Path folder, String base) {
        List<Leftovers> found = new ArrayList<>();
        try {
            RuntimeFolder.check(folder);
        } catch (IOException e) {
            return found; // missing: nothing to clean up; unsafe: nothing in it can be trusted
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, base + ".*" + SUFFIX)) {
            for (Path file : files) {
                String session = file.getFileName().toString();
                session = session.substring(base.length() + 1, session.length() - SUFFIX.length());
                // the glob alone would also take a project whose folder name extends this one's
                if (SESSION_ID.matcher(session).matches() && RuntimeFolder.isOwnFile(file)) {
                    read(file).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            // unreadable: nothing this hum could clean up
        }
        return found;
    }

    private static Optional<Leftovers> read(Path file) {
        List<String> lines;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // A journal holds a line per live group: a few KiB at most; more is not a journal of ours.
            lines = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2
                || !(lines.get(0).equals(HEADER) || lines.get(0).equals(HEADER_1))
                || !lines.get(1).startsWith("session ")) {
            return Optional.empty();
        }
        SessionMark dead = new SessionMark(lines.get(1).substring("session ".length()));
        if (!SESSION_ID.matcher(dead.id()).matches() || dead.humAlive()) {
            return Optional.empty();
        }
        Map<Long, Long> groups = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            Matcher m = GROUP.matcher(line);
            if (m.matches()) {
                long pgid = Long.parseLong(m.group(1));
                long start = Long.parseLong(m.group(2));
                if (leaderIsOf(pgid, start, dead)) {
                    groups.put(pgid, start);
                }
            }
        }
        Map<String, Integer> byProcess = new TreeMap<>();
        for (ProcEntry e : ProcessTable.snapshot().marked(dead, null)) {
            dead.processOf(e.pid()).ifPresent(name -> byProcess.merge(name, 1, Integer::sum));
        }
        return Optional.of(new Leftovers(file, dead, groups, byProcess));
    }

    /**
     * True when {@code pgid} is still the group recorded: its leader lives, leads its group, started at
     * the recorded time (a pid reused since has another) and carries the dead hum's mark.
     */
    static boolean leaderIsOf(long pgid, long start, SessionMark dead) {
        return ProcEntry.read(pgid)
                        .filter(e -> !e.isZombie() && e.pgid() == pgid && e.startTime() == start)
                        .isPresent()
                && dead.processOf(pgid).isPresent();
    }

    /** How many processes of one configured process a dead hum left running, and that hum. */
    public record Recovered(String process, int count, long humPid) {

        /** A line for that process's log. */
        public String note() {
            return "hum: stopped " + count + " process(es) left running by hum (pid " + humPid + ") that was killed";
        }

        /** A line for another log, when the process is not in this configuration any more. */
        public String noteElsewhere() {
            return "hum: stopped " + count + " process(es) of '" + process + "' left running by hum (pid " + humPid
                    + ") that was killed";
        }
    }

    /** What a killed hum left running, and its journal. */
    public static final class Leftovers {
        private final Path journal;
        private final SessionMark session;
        private final Map<Long, Long> groups;
        private final Map<String, Integer> byProcess;

        Leftovers(Path journal, SessionMark session, Map<Long, Long> groups, Map<String, Integer> byProcess) {
            this.journal = journal;
            this.session = session;
            this.groups = Map.copyOf(groups);
            this.byProcess = Map.copyOf(byProcess);
        }

        /** True when nothing is left running (the journal itself may still be there). */
        public boolean isEmpty() {
            return byProcess.isEmpty() && groups.isEmpty();
        }

        /** The recorded groups that passed the identity check. */
        public List<Long> groups() {
            return List.copyOf(groups.keySet());
        }

        /** Per configured process, how many of its processes were found running. */
        public List<Recovered> stopped() {
            List<Recovered> list = new ArrayList<>();
            new TreeMap<>(byProcess).forEach((name, count) -> list.add(new Recovered(name, count, session.humPid())));
            return list;
        }

        /**
         * Stops them all (TERM, a short grace, KILL) and removes the journal. A group is signalled only
         * while it is provably the one recorded: its leader passes the identity check, or a member seen
         * then still lives in it (a group's id is not reused while it has a member).
         *
         * @return how many marked processes were found
         */
        public int stop() {
            Map<Long, List<ProcEntry>> members = new LinkedHashMap<>();
            ProcessTable table = ProcessTable.snapshot();
            groups.forEach((pgid, start) -> {
                if (leaderIsOf(pgid, start, session)) {
                    members.put(pgid, table.membersOf(pgid));
                    Posix.signalGroup(pgid, 15);
                }
            });
            int stopped = Orphans.stopAllMarked(session);
            members.forEach((pgid, seen) -> {
                boolean same = seen.stream().anyMatch(e -> ProcEntry.read(e.pid())
                        .filter(now -> now.startTime() == e.startTime() && now.pgid() == pgid && !now.isZombie())
                        .isPresent());
                if (same) {
                    Posix.signalGroup(pgid, Posix.SIGKILL);
                }
            });
            try {
                Files.deleteIfExists(journal);
                Files.deleteIfExists(journal.resolveSibling(journal.getFileName() + ".tmp"));
            } catch (IOException e) {
                // left in place it names a dead hum with nothing left: the next hum tries again
            }
            return stopped;
        }
    }

    /** What this hum stopped of what dead hums left, for the logs of the processes concerned. */
    List<Recovered> recovered() {
        return recovered;
    }

    /** Why this hum has no journal, if it has none although one was wanted. */
    public Optional<String> problem() {
        return problem;
    }

    /**
     * Records a process group just started, with its leader's start time, before its first line could be
     * lost with hum.
     *
     * @return the leader's start time, for {@link #dropGroup}; -1 when it was not recorded
     */
    long recordGroup(long pgid) {
        if (file == null) {
            return -1;
        }
        // The leader may have ended already: then there is nothing a later hum could stop by this group.
        Optional<ProcEntry> leader = ProcEntry.read(pgid).filter(e -> e.pgid() == pgid);
        if (leader.isEmpty()) {
            return -1;
        }
        long start = leader.get().startTime();
        synchronized (this) {
            if (!closed) {
                groups.put(pgid, start);
                rewriteOrGoOn();
            }
        }
        return start;
    }

    /**
     * The leader of group {@code pgid} that started at {@code start} has exited: its line could only
     * ever name a stranger now. A later run whose leader got the same pid keeps its own line.
     */
    void dropGroup(long pgid, long start) {
        if (file == null) {
            return;
        }
        synchronized (this) {
            if (!closed && groups.remove(pgid, start)) {
                rewriteOrGoOn();
            }
        }
    }

    /** Removes the journal: this hum has stopped everything it started. */
    void close() {
        if (file == null) {
            return;
        }
        synchronized (this) {
            closed = true;
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Left in place it names a dead hum with nothing left: harmless to the next one.
            }
        }
    }

    private void rewriteOrGoOn() {
        try {
            rewrite();
        } catch (IOException e) {
            // A lost journal only weakens the clean-up after a SIGKILL; running goes on.
        }
    }

    /** Writes the whole journal beside it, then renames it over the old one. Caller holds the monitor. */
    private void rewrite() throws IOException {
        if (file == null || mark == null) {
            return; // Journal.NONE, or one that could not be written: nothing records
        }
        Path file = this.file;
        SessionMark mark = this.mark;
        StringBuilder text =
                new StringBuilder(HEADER).append("\nsession ").append(mark.id()).append('\n');
        groups.forEach((pgid, start) ->
                text.append("group ").append(pgid).append(' ').append(start).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (SeekableByteChannel out = Files.newByteChannel(
                tmp,
                Set.of(
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String toString() {
        return file == null || mark == null ? "Journal[none]" : "Journal[" + file + ", " + mark.id() + "]";
    }
}
