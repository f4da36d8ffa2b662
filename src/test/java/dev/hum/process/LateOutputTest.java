package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run's leader leaves behind keeps its output: lines written after the leader exited arrive in
 * the run's log, and a child still printing while it shuts down after a stop neither loses its lines
 * nor dies of a broken pipe.
 */
final class LateOutputTest {

    @TempDir
    Path dir;

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @Test
    void leaderExit_backgroundChildsLinesStillArrive() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        // The child prints only when the test says so: once after the leader exited, once after the run ended.
        String child = "(until [ -e " + first + " ]; do sleep 0.05; done; echo late-1; " + "until [ -e " + second
                + " ]; do sleep 0.05; done; echo late-2)";
        supervisor = new Supervisor(Specs.config(Specs.shell("a", child + " & echo leader-done")));
        supervisor.start("a").get(10, TimeUnit.SECONDS);
        long leader = run.cell("a").get().pid();
        Poll.until(
                "the leader to print and exit",
                () -> run.lines("a").contains("leader-done")
                        && ProcessHandle.of(leader).map(p -> !p.isAlive()).orElse(true));

        Files.createFile(first);
        Poll.until("the line written after the leader exited", () -> run.lines("a"), l -> l.contains("late-1"));
        assertTrue(supervisor.outputOpen("a"), "the child still holds the output");

        ProcessState ended = Await.state(run.cell("a"), "the run to end", s -> s.status() == Status.EXITED);
        assertEquals("EXITED 0", ended.statusWord(), "the leader's exit status");
        assertTrue(
                run.lines("a").stream().anyMatch(l -> l.contains("exited with code 0") && l.contains("still write")),
                () -> "the notice says that its children still write: " + run.lines("a"));

        Files.createFile(second);
        Poll.until("the line written after the run ended", () -> run.lines("a"), l -> l.contains("late-2"));
        Poll.until("the output to close when the child exits", () -> !supervisor.outputOpen("a"));
        assertEquals(1, run.lines("a").stream().filter(l -> l.equals("late-2")).count());
    }

    @Test
    void leaderExit_theExitNoticeFollowsLinesOfAChildThatEndsSoon() throws Exception {
        supervisor = new Supervisor(
                Specs.config(Specs.shell("a", "(sleep 0.3; echo late-1; sleep 0.3; echo late-2) & echo leader-done")));
        supervisor.start("a").get(10, TimeUnit.SECONDS);
        Await.state(run.cell("a"), "the run to end", s -> s.status() == Status.EXITED);
        List<String> lines = run.lines("a");
        assertTrue(lines.containsAll(List.of("leader-done", "late-1", "late-2")), lines::toString);
        assertTrue(lines.indexOf("late-2") < indexOfExit(lines), () -> "the exit reads after the last line: " + lines);
        assertFalse(lines.get(indexOfExit(lines)).contains("still write"), lines::toString);
    }

    @Test
    void stop_aChildWithATermTrapPrintsWhileItShutsDown() throws Exception {
        // The leader dies of the TERM at once; the trapping child prints twice on its way out (ignoring the
        // TERM that the stop sends again to whatever it forks meanwhile).
        Files.writeString(
                dir.resolve("child.sh"),
                "trap 'trap \"\" TERM; echo cleanup-1; sleep 0.3; echo cleanup-2; exit 0' TERM\n"
                        + "echo ready\n"
                        + "while :; do sleep 0.05; done\n");
        supervisor = new Supervisor(Specs.config(Specs.shell("a", "sh " + dir.resolve("child.sh") + " & wait")));
        supervisor.start("a").get(10, TimeUnit.SECONDS);
        Poll.until("the child to be ready", () -> run.lines("a"), l -> l.contains("ready"));

        supervisor.stop("a").get(30, TimeUnit.SECONDS);

        List<String> lines = run.lines("a");
        assertTrue(lines.containsAll(List.of("cleanup-1", "cleanup-2")), lines::toString);
        assertEquals(Status.STOPPED, run.cell("a").get().status());
    }

    @Test
    void stop_aPythonTermHandlerPrintsWithoutBrokenPipe() throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is installed");
        String handler = "import signal, sys, time\n"
                + "def bye(*_):\n"
                + "    print('shutting-down', flush=True)\n"
                + "    time.sleep(0.3)\n"
                + "    print('bye', flush=True)\n"
                + "    sys.exit(0)\n"
                + "signal.signal(signal.SIGTERM, bye)\n"
                + "print('ready', flush=True)\n"
                + "while True: time.sleep(0.05)\n";
        Files.writeString(dir.resolve("child.py"), handler);
        supervisor = new Supervisor(Specs.config(Specs.shell("py", "python3 " + dir.resolve("child.py") + " & wait")));
        supervisor.start("py").get(10, TimeUnit.SECONDS);
        Poll.until("the child to be ready", () -> run.lines("py"), l -> l.contains("ready"));

        supervisor.stop("py").get(30, TimeUnit.SECONDS);

        List<String> lines = run.lines("py");
        assertTrue(lines.containsAll(List.of("shutting-down", "bye")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("BrokenPipe")), lines::toString);
    }

    private static int indexOfExit(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("exited with code")) {
                return i;
            }
        }
        throw new AssertionError("no exit notice in " + lines);
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
