package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal a killed hum leaves: what the next hum may signal from it, and what it must leave
 * alone. Each "left by a killed hum" process here is a real {@code setsid sleep} that the test
 * starts itself, with or without the dead hum's mark.
 */
final class JournalTest {

    private static final String BASE = "project-0123456789";

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatTheTestStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void stop_liveGroupWithoutTheDeadHumsMarkIsNotSignalled() throws Exception {
        SessionMark dead = deadMark();
        Process unrelated = groupLeader(null); // a process group someone else started; its pid was reused
        Path folder = dir.resolve("hum");
        Journal.start(folder, BASE, dead).recordGroup(unrelated.pid());

        Journal.leftBehind(folder, BASE).forEach(Journal.Leftovers::stop);

        assertStillRuns(unrelated, "a group whose leader does not carry the dead hum's mark");
        assertNoJournal(folder);
    }

    @Test
    void stop_genuineLeftoverIsStillStopped() throws Exception {
        SessionMark dead = deadMark();
        Process leftover = groupLeader(dead);
        Path folder = dir.resolve("hum");
        Journal.start(folder, BASE, dead).recordGroup(leftover.pid());

        List<Journal.Leftovers> found = Journal.leftBehind(folder, BASE);
        assertEquals(1, found.size());
        assertFalse(found.get(0).isEmpty());
        found.get(0).stop();

        assertTrue(leftover.waitFor(Poll.LIMIT.toSeconds(), TimeUnit.SECONDS), "the leftover was stopped");
        assertNoJournal(folder);
    }

    @Test
    void stop_groupWhoseLeaderStartedAtAnotherTimeIsNotSignalled() throws Exception {
        SessionMark dead = deadMark();
        // Even a leader with the mark (a copy of the environment) is not the one recorded if it started later.
        Process other = groupLeader(dead);
        long start = ProcEntry.read(other.pid()).orElseThrow().startTime();
        Path folder = Files.createDirectory(
                dir.resolve("hum"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(
                folder.resolve(BASE + "." + dead.id() + ".journal"),
                "hum-journal 2\nsession " + dead.id() + "\ngroup " + other.pid() + " " + (start + 1) + "\n");

        List<Journal.Leftovers> found = Journal.leftBehind(folder, BASE);
        assertEquals(1, found.size());
        assertEquals(List.of(), found.get(0).groups(), "the group fails the identity check");
    }

    @Test
    void leftBehind_journalThatIsASymlinkIsIgnored() throws Exception {
        SessionMark dead = deadMark();
        Process leftover = groupLeader(dead);
        Path elsewhere = dir.resolve("elsewhere");
        Journal.start(elsewhere, BASE, dead).recordGroup(leftover.pid());
        Path folder = Files.createDirectory(
                dir.resolve("hum"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String name = BASE + "." + dead.id() + ".journal";
        Files.createSymbolicLink(folder.resolve(name), elsewhere.resolve(name));

        Journal.leftBehind(folder, BASE).forEach(Journal.Leftovers::stop);

        assertStillRuns(leftover, "a journal that is a symlink is not read");
    }

    @Test
    void leftBehind_journalOwnedBySomeoneElseIsIgnored() throws Exception {
        Assumptions.assumeTrue(Posix.effectiveUid() == 0, "needs root to give a file to another user");
        SessionMark dead = deadMark();
        Process leftover = groupLeader(dead);
        Path folder = dir.resolve("hum");
        Journal.start(folder, BASE, dead).recordGroup(leftover.pid());
        chownToNobody(folder.resolve(BASE + "." + dead.id() + ".journal"));

        Journal.leftBehind(folder, BASE).forEach(Journal.Leftovers::stop);

        assertStillRuns(leftover, "a journal of another user is not read");
    }

    @Test
    void leftBehind_folderOpenToOthersIsNotRead() throws Exception {
        SessionMark dead = deadMark();
        Process leftover = groupLeader(dead);
        Path folder = dir.resolve("hum");
        Journal.start(folder, BASE, dead).recordGroup(leftover.pid());
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        Journal.leftBehind(folder, BASE).forEach(Journal.Leftovers::stop);

        assertStillRuns(leftover, "nothing in a folder others could write is trusted");
    }

    @Test
    void recordGroup_runEndDropsItsGroupFromTheJournal() throws Exception {
        Path folder = dir.resolve("hum");
        SessionMark mark = SessionMark.current();
        try (Supervisor supervisor = new Supervisor(
                Specs.config(Specs.shell("server", "echo up; sleep 300")),
                System.getenv(),
                Journal.start(folder, BASE, mark))) {
            supervisor.start("server").get(10, TimeUnit.SECONDS);
            long pid = supervisor.registry().find("server").orElseThrow().get().pid();
            Path file = folder.resolve(BASE + "." + mark.id() + ".journal");
            assertTrue(Files.readString(file).contains("group " + pid), Files.readString(file));
            supervisor.stop("server").get(30, TimeUnit.SECONDS);
            // The exit callback drops the group; it runs on the exit executor, a moment after the stop.
            Poll.until("the group to leave the journal", () -> read(file), text -> !text.contains("group "));
        }
    }

    @Test
    void open_saysInEachProcesssLogWhatWasStoppedOfIt() throws Exception {
        SessionMark dead = deadMark();
        Process server = groupLeader(dead); // HUM_PROCESS=server
        Path folder = dir.resolve("hum");
        Journal.start(folder, BASE, dead).recordGroup(server.pid());

        Journal journal = Journal.open(folder, BASE);
        try (Supervisor supervisor = new Supervisor(
                Specs.config(Specs.shell("web", "true"), Specs.shell("server", "true")), System.getenv(), journal)) {
            assertTrue(server.waitFor(Poll.LIMIT.toSeconds(), TimeUnit.SECONDS), "the leftover was stopped");
            String note = "hum: stopped 1 process(es) left running by hum (pid " + dead.humPid() + ") that was killed";
            assertEquals(List.of(note), lines(supervisor, "server"));
            assertEquals(List.of(), lines(supervisor, "web"));
        }
    }

    @Test
    void open_namesAProcessNoLongerConfiguredInTheFirstLog() throws Exception {
        SessionMark dead = deadMark();
        Process server = groupLeader(dead);
        Path folder = dir.resolve("hum");
        Journal.start(folder, BASE, dead).recordGroup(server.pid());

        try (Supervisor supervisor =
                new Supervisor(Specs.config(Specs.shell("web", "true")), System.getenv(), Journal.open(folder, BASE))) {
            assertEquals(
                    List.of("hum: stopped 1 process(es) of 'server' left running by hum (pid " + dead.humPid()
                            + ") that was killed"),
                    lines(supervisor, "web"));
        }
    }

    private static List<String> lines(Supervisor supervisor, String name) {
        var log = supervisor.find(name).orElseThrow().log();
        return log.readFrom(log.firstSeq(), 100).lines().stream()
                .map(l -> l.text())
                .toList();
    }

    /** The mark of a hum that is no longer running: a pid that has exited. */
    private static SessionMark deadMark() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return new SessionMark(gone.pid() + "-1");
    }

    /** Starts {@code setsid sleep 300}, the leader of its own group, with the mark of {@code session} if given. */
    private Process groupLeader(SessionMark session) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("setsid", "sleep", "300");
        builder.environment().remove(SessionMark.SESSION_VARIABLE);
        if (session != null) {
            builder.environment().put(SessionMark.SESSION_VARIABLE, session.id());
            builder.environment().put(SessionMark.PROCESS_VARIABLE, "server");
        }
        Process p = builder.start();
        started.add(p);
        // Until sleep is exec'd, setsid may be between its setsid() and its exec, when /proc cannot show
        // the environment.
        Path comm = Path.of("/proc", Long.toString(p.pid()), "comm");
        Poll.until(
                "sleep to lead its own group",
                () -> ProcEntry.read(p.pid()).map(e -> e.pgid() == p.pid()).orElse(false)
                        && read(comm).strip().equals("sleep"));
        return p;
    }

    /**
     * A signal, had one been sent, kills {@code sleep} at once; a second of life after the stop shows none
     * was. The wait only bounds the check; nothing depends on how fast the machine is.
     */
    private static void assertStillRuns(Process p, String why) throws InterruptedException {
        assertFalse(p.waitFor(1, TimeUnit.SECONDS), why + ": it was signalled");
    }

    private void assertNoJournal(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.toString().endsWith(".journal")).toList());
        }
    }

    private static void chownToNobody(Path file) throws IOException {
        Files.setAttribute(file, "unix:uid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
