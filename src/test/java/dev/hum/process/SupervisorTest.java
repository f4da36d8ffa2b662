package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.Source;
import dev.hum.state.ProcessState;
import dev.hum.state.StateCell;
import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class SupervisorTest {

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @Test
    void start_capturesStdoutStderrAndExitCode() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("job", "echo hello; echo oops >&2; exit 3")));
        supervisor.start("job").get(10, TimeUnit.SECONDS);
        ProcessState end = Await.state(run.cell("job"), "job to end", s -> s.status() == Status.FAILED);
        assertEquals("FAILED 3", end.statusWord());
        LogBuffer log = supervisor.find("job").orElseThrow().log();
        List<LogLine> all = log.readFrom(log.firstSeq(), 100).lines();
        assertTrue(all.stream().anyMatch(l -> l.text().equals("hello") && l.source() == Source.STDOUT), all::toString);
        assertTrue(all.stream().anyMatch(l -> l.text().equals("oops") && l.source() == Source.STDERR), all::toString);
        assertTrue(
                all.stream().anyMatch(l -> l.source() == Source.HUM && l.text().contains("exited with code 3")));
        assertEquals(log.totalAppended(), end.lines(), "the state's line count follows the log");
    }

    @Test
    @Timeout(120) // only ends a hang: twenty runs of a shell that exits at once
    void exit_theNoticeAndItsLineCountArePublishedBeforeTheStatus() throws Exception {
        // Whoever sees the end first (here a reader spinning on the cell) must find the last line: the headless
        // printer stops printing, and an agent stops reading, at that moment.
        for (int i = 0; i < 20; i++) {
            supervisor = new Supervisor(Specs.config(Specs.shell("job", "echo hello; exit 3")));
            supervisor.start("job").get(10, TimeUnit.SECONDS);
            StateCell cell = run.cell("job");
            ProcessState end;
            while ((end = cell.get()).status().isLive()) {
                Thread.onSpinWait(); // no pause: the point is to see the very first ended state
            }
            LogBuffer log = supervisor.find("job").orElseThrow().log();
            assertEquals(log.totalAppended(), end.lines(), "the first ended state counts every line");
            assertEquals("hum: exited with code 3", log.tail(1).lines().get(0).text());
            supervisor.close();
        }
    }

    @Test
    void start_cleanExitIsExited0() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("ok", "true")));
        supervisor.start("ok").get(10, TimeUnit.SECONDS);
        assertEquals(
                "EXITED 0",
                Await.state(run.cell("ok"), "exit", s -> !s.status().isLive()).statusWord());
    }

    @Test
    void start_deathBySignalIsReportedByName() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("crash", "kill -SEGV $$")));
        supervisor.start("crash").get(10, TimeUnit.SECONDS);
        ProcessState end =
                Await.state(run.cell("crash"), "crash", s -> !s.status().isLive());
        assertEquals("KILLED SIGSEGV", end.statusWord());
    }

    @Test
    void start_childGetsForceColourAndItsOwnEnvironment() throws Exception {
        var spec = new dev.hum.config.ProcessSpec(
                "env",
                new dev.hum.config.Command.Shell("echo \"$FORCE_COLOR $GREETING\""),
                Specs.TMP,
                Map.of("GREETING", "hi"),
                true,
                dev.hum.config.StopSignal.TERM,
                Duration.ofSeconds(5));
        supervisor = new Supervisor(Specs.config(spec));
        supervisor.start("env").get(10, TimeUnit.SECONDS);
        Await.state(run.cell("env"), "exit", s -> s.status() == Status.EXITED);
        assertTrue(run.lines("env").contains("1 hi"), () -> run.lines("env").toString());
    }

    @Test
    void start_whileRunningDoesNothingAndSaysSo() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("sleeper", "sleep 300")));
        supervisor.start("sleeper").get(10, TimeUnit.SECONDS);
        long pid = run.cell("sleeper").get().pid();
        ActionResult again = supervisor.start("sleeper").get(10, TimeUnit.SECONDS);
        assertTrue(again.message().contains("already running"), again.message());
        assertEquals(1, run.cell("sleeper").get().run());
        assertEquals(pid, run.cell("sleeper").get().pid());
    }

    @Test
    void start_runningProcessAlreadyLeadsItsOwnGroup() throws Exception {
        // Regression: Java returned before setsid() ran, so a stop right after a start signalled a
        // group that did not exist yet. Every RUNNING pid must already be its group and session.
        supervisor = new Supervisor(Specs.config(Specs.shell("leader", "sleep 300")));
        for (int i = 0; i < 30; i++) {
            supervisor.restart("leader").get(20, TimeUnit.SECONDS);
            ProcessState s = run.cell("leader").get();
            ProcEntry entry = ProcEntry.read(s.pid()).orElseThrow();
            assertEquals(s.pid(), entry.pgid(), "process group of run " + s.run());
            assertEquals(s.pid(), entry.sid(), "session of run " + s.run());
        }
    }

    @Test
    void pumps_runAtANicerPriorityThanTheScreen() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("chatty", "while :; do echo x; sleep 0.01; done")));
        supervisor.start("chatty").get(10, TimeUnit.SECONDS);
        List<Integer> expected = List.of(Pump.PUMP_NICE, Pump.PUMP_NICE);
        // A pump thread is named before it runs and lowers its own priority as its first step, so
        // poll until both have done so; a pump that never does leaves the last reading in the failure.
        Poll.until("both pumps at nice " + Pump.PUMP_NICE, () -> pumpNices("hum-pump-chatty"), expected::equals);
    }

    /** The nice value of each of this JVM's threads whose name starts with {@code prefix}. */
    private static List<Integer> pumpNices(String prefix) {
        List<Integer> nices = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
                        String stat = Files.readString(task.resolve("stat"));
                        // Field 19 of stat; the fields after the ")" of the name start at field 3.
                        nices.add(Integer.parseInt(
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                    }
                } catch (IOException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nices;
    }

    @Test
    void start_missingBinaryFailsWithReasonInLog() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.argv("ghost", Specs.TMP, "no-such-binary-hum-test")));
        ActionResult result = supervisor.start("ghost").get(10, TimeUnit.SECONDS);
        assertFalse(result.ok());
        ProcessState s = run.cell("ghost").get();
        assertEquals(Status.FAILED, s.status());
        assertTrue(s.reason().contains("command not found: no-such-binary-hum-test"), s.reason());
        assertTrue(run.lines("ghost").stream().anyMatch(l -> l.contains("failed to start: command not found")));
    }

    @Test
    void start_missingFolderFailsWithReason(@TempDir Path dir) throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.argv("lost", dir.resolve("nope"), "true")));
        assertFalse(supervisor.start("lost").get(10, TimeUnit.SECONDS).ok());
        assertTrue(run.cell("lost").get().reason().contains("working folder does not exist"));
    }

    @Test
    void start_notExecutableFailsWithReason(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        supervisor = new Supervisor(Specs.config(Specs.argv("noexec", dir, "./run.sh")));
        assertFalse(supervisor.start("noexec").get(10, TimeUnit.SECONDS).ok());
        assertTrue(
                run.cell("noexec").get().reason().contains("not executable"),
                run.cell("noexec").get().reason());
        assertTrue(Files.exists(script));
    }

    @Test
    void start_shellCommandNotFoundShowsShellMessage() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("typo", "no-such-command-hum-test")));
        supervisor.start("typo").get(10, TimeUnit.SECONDS);
        ProcessState s =
                Await.state(run.cell("typo"), "exit", st -> !st.status().isLive());
        assertEquals("FAILED 127", s.statusWord());
        assertTrue(run.lines("typo").stream().anyMatch(l -> l.contains("not found")), () -> run.lines("typo")
                .toString());
    }

    @Test
    void stop_unknownProcessIsAnError() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("a", "true")));
        ActionResult r = supervisor.stop("b").get();
        assertFalse(r.ok());
        assertTrue(r.message().contains("known: a"));
    }

    @Test
    void stop_processThatIsNotRunningSaysSo() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("idle", "true")));
        ActionResult r = supervisor.stop("idle").get(10, TimeUnit.SECONDS);
        assertTrue(r.message().contains("not running"), r.message());
        assertEquals(Status.NOT_STARTED, run.cell("idle").get().status());
    }

    @Test
    void stop_userStopIsStoppedNotFailed() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("web", "sleep 300")));
        supervisor.start("web").get(10, TimeUnit.SECONDS);
        supervisor.stop("web").get(20, TimeUnit.SECONDS);
        ProcessState s = run.cell("web").get();
        assertEquals(Status.STOPPED, s.status());
        assertEquals("STOPPED", s.statusWord());
        assertTrue(run.lines("web").stream().anyMatch(l -> l.contains("stopped with SIGTERM")));
    }

    @Test
    void stop_duringStartLeavesNothingRunning() throws Exception {
        String token = Leftovers.token();
        supervisor = new Supervisor(Specs.config(Specs.tagged("quick", "sleep 300", token)));
        var start = supervisor.start("quick");
        var stop = supervisor.stop("quick");
        start.get(10, TimeUnit.SECONDS);
        stop.get(20, TimeUnit.SECONDS);
        ProcessState s = run.cell("quick").get();
        assertTrue(s.status() == Status.STOPPED || s.status() == Status.NOT_STARTED, s.toString());
        assertEquals(List.of(), Leftovers.find(token));
    }
}
