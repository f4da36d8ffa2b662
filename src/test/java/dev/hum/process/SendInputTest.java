package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Lines typed into a process reach its stdin; a process that does not read is said so, never waited on. */
final class SendInputTest {

    @TempDir
    Path dir;

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @Test
    void sendInput_aReadLoopGetsEachLine() throws Exception {
        supervisor =
                new Supervisor(Specs.config(Specs.shell("r", "echo waiting; while read l; do echo \"got $l\"; done")));
        supervisor.start("r").get(10, TimeUnit.SECONDS);
        Poll.until("the loop to wait for input", () -> run.lines("r"), l -> l.contains("waiting"));

        ActionResult sent = supervisor.sendInput("r", "hello there", true);
        assertTrue(sent.ok(), sent::message);
        Poll.until("the line to reach the loop", () -> run.lines("r"), l -> l.contains("got hello there"));

        assertTrue(supervisor.sendInput("r", "par", false).ok());
        assertTrue(supervisor.sendInput("r", "tial", true).ok());
        Poll.until("the line sent in two parts", () -> run.lines("r"), l -> l.contains("got partial"));
    }

    @Test
    void sendInput_nodemonsRsReachesANodeChild() throws Exception {
        Assumptions.assumeTrue(onPath("node"), "node is installed");
        // nodemon's own test of its stdin (lib/nodemon.js): data trimmed equals "rs"
        Files.writeString(
                dir.resolve("mon.js"),
                "process.stdin.on('data', d => { if (d.toString().trim() === 'rs') console.log('[nodemon] restarting'); });\n"
                        + "console.log('[nodemon] watching');\n");
        supervisor = new Supervisor(Specs.config(Specs.argv("mon", dir, "node", "mon.js")));
        supervisor.start("mon").get(10, TimeUnit.SECONDS);
        Poll.until("node to listen", () -> run.lines("mon"), l -> l.contains("[nodemon] watching"));

        assertTrue(supervisor.sendInput("mon", "rs", true).ok());
        Poll.until("rs to reach node", () -> run.lines("mon"), l -> l.contains("[nodemon] restarting"));
    }

    @Test
    void sendInput_aProcessThatDoesNotReadFillsThePipeAndIsToldSo() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("deaf", "exec sleep 60")));
        supervisor.start("deaf").get(10, TimeUnit.SECONDS);
        String block = "x".repeat(4095);
        ActionResult last = null;
        // a pipe holds 64 KiB: each call returns at once, and one of the first few dozen says it is full
        for (int i = 0; i < 1000 && (last == null || last.ok()); i++) {
            last = supervisor.sendInput("deaf", block, true);
        }
        assertFalse(last.ok(), "a full pipe is reported");
        assertTrue(last.message().contains("not reading its input"), last.message());
    }

    @Test
    void sendInput_toAProcessNotRunningFails() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("once", "echo done")));
        ActionResult before = supervisor.sendInput("once", "hi", true);
        assertFalse(before.ok());
        assertTrue(before.message().contains("has not been started"), before.message());

        supervisor.start("once").get(10, TimeUnit.SECONDS);
        Await.state(run.cell("once"), "the run to end", s -> s.status() == Status.EXITED);
        ActionResult after = supervisor.sendInput("once", "hi", true);
        assertFalse(after.ok());
        assertTrue(after.message().contains("is not running"), after.message());

        assertFalse(supervisor.sendInput("nope", "hi", true).ok());
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
