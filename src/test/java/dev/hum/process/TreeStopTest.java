package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.ConfigLoader;
import dev.hum.config.ProcessSpec;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stopping whole trees of real processes, checked by pid the way a person would check with ps. */
final class TreeStopTest {

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    private String log(String name) {
        LogBuffer log = supervisor.find(name).orElseThrow().log();
        StringBuilder sb = new StringBuilder();
        for (LogLine l : log.readFrom(log.firstSeq(), 10_000).lines()) {
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void stop_nestedTreeIsGone() throws Exception {
        String t = Leftovers.token();
        // sh -> (sh -> sleep, sleep), sleep: three levels, like npm -> sh -> node.
        String script = "sh -c 'sleep 301 & sleep 302 & wait' & sleep 303 & wait";
        supervisor = new Supervisor(Specs.config(Specs.tagged("tree", script, t)));
        supervisor.start("tree").get(10, TimeUnit.SECONDS);
        Poll.until("all five processes to start", () -> Leftovers.find(t).size() >= 5);
        supervisor.stop("tree").get(30, TimeUnit.SECONDS);
        assertEquals(Status.STOPPED, run.cell("tree").get().status());
        assertEquals(List.of(), Leftovers.find(t));
    }

    @Test
    void stop_childIgnoringTermIsKilledAfterTimeout() throws Exception {
        String t = Leftovers.token();
        String script = "trap '' TERM; echo ready; while :; do sleep 0.1; done";
        supervisor = new Supervisor(Specs.config(Specs.tagged("stubborn", script, t, Duration.ofMillis(700))));
        supervisor.start("stubborn").get(10, TimeUnit.SECONDS);
        // Wait for the line itself, not the start notice that quotes the command.
        Poll.until("the trap to be set", () -> log("stubborn").contains("\nready\n"));
        ActionResult result = supervisor.stop("stubborn").get(30, TimeUnit.SECONDS);
        assertTrue(result.message().contains("killed with SIGKILL"), result.message());
        assertTrue(
                log("stubborn").contains("did not stop within 700ms of SIGTERM: killed with SIGKILL"), log("stubborn"));
        assertEquals(Status.STOPPED, run.cell("stubborn").get().status());
        assertEquals(List.of(), Leftovers.find(t));
    }

    @Test
    void stop_grandchildInItsOwnSessionIsStoppedToo() throws Exception {
        String t = Leftovers.token();
        // The grandchild calls setsid: it leaves hum's process group while its parent still lives.
        String script = "setsid sh -c 'sleep 304; true' & echo started; wait";
        supervisor = new Supervisor(Specs.config(Specs.tagged("escaper", script, t)));
        supervisor.start("escaper").get(10, TimeUnit.SECONDS);
        long leader = run.cell("escaper").get().pid();
        Poll.until("a grandchild in a group of its own", () -> Leftovers.find(t).stream()
                .anyMatch(
                        pid -> ProcEntry.read(pid).map(e -> e.pgid() != leader).orElse(false)));
        supervisor.stop("escaper").get(30, TimeUnit.SECONDS);
        assertEquals(List.of(), Leftovers.find(t));
    }

    @Test
    void restart_hundredRapidRestartsLeaveExactlyOneRunning() throws Exception {
        String t = Leftovers.token();
        supervisor = new Supervisor(Specs.config(Specs.tagged("bouncy", "sleep 305", t)));
        supervisor.start("bouncy").get(10, TimeUnit.SECONDS);
        List<CompletableFuture<ActionResult>> restarts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            restarts.add(supervisor.restart("bouncy"));
        }
        CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        ProcessState s = run.cell("bouncy").get();
        assertEquals(Status.RUNNING, s.status());
        assertEquals(101, s.run());
        assertEquals(100, s.restarts());
        List<Long> alive = Leftovers.find(t);
        assertTrue(alive.contains(s.pid()), "the current run lives");
        for (long pid : alive) {
            long pgid = ProcEntry.read(pid).map(ProcEntry::pgid).orElse(-1L);
            assertEquals(s.pid(), pgid, "pid " + pid + " belongs to an earlier run: " + alive);
        }
    }

    @Test
    void stopAll_stopsEveryProcessInParallel() throws Exception {
        String t = Leftovers.token();
        supervisor = new Supervisor(Specs.config(
                Specs.tagged("a", "sleep 306", t),
                Specs.tagged("b", "sh -c 'sleep 307; true'; true", t),
                Specs.tagged("c", "trap '' TERM; sleep 308", t, Duration.ofMillis(500))));
        supervisor.startWanted(List.of()).forEach(CompletableFuture::join);
        Poll.until("all started", () -> Leftovers.find(t).size() >= 4);
        assertTrue(supervisor.stopAll());
        for (ProcessState s : supervisor.registry().board().states()) {
            assertEquals(Status.STOPPED, s.status(), s.toString());
        }
        assertEquals(List.of(), Leftovers.find(t));
    }

    @Test
    void stop_npmRunDevWithANodeServerAndItsWorkerIsGone(@TempDir Path project) throws Exception {
        String t = Leftovers.token();
        Files.writeString(
                project.resolve("package.json"), "{\"name\": \"shop\", \"scripts\": {\"dev\": \"node server.js\"}}\n");
        // A dev server that forks a worker, as bundlers and test watchers do: npm -> sh -> node -> node.
        Files.writeString(
                project.resolve("server.js"),
                String.join(
                        "\n",
                        "const { spawn } = require('child_process');",
                        "const worker = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {stdio: 'ignore'});",
                        "console.log('server up, worker ' + worker.pid);",
                        "setInterval(() => {}, 1000);",
                        ""));
        ProcessSpec found = ConfigLoader.discover(project).processes().get(0);
        assertEquals(List.of("npm", "run", "dev"), found.command().argv(), "what discovery runs for a package.json");
        ProcessSpec dev = new ProcessSpec(
                found.name(),
                found.command(),
                found.cwd(),
                // no update check: npm would look for a newer npm on the network
                Map.of(Leftovers.VARIABLE, t, "npm_config_update_notifier", "false"),
                true,
                found.stopSignal(),
                found.stopTimeout());
        supervisor = new Supervisor(Specs.config(dev));
        supervisor.start("dev").get(30, TimeUnit.SECONDS);
        Poll.until("the server and its worker", () -> log("dev"), l -> l.contains("\nserver up, worker "));
        List<Long> tree = Leftovers.find(t);
        assertTrue(tree.size() >= 3, "npm, node server.js and its worker (sh may exec node): " + tree);
        ActionResult stopped = supervisor.stop("dev").get(30, TimeUnit.SECONDS);
        assertEquals(Status.STOPPED, run.cell("dev").get().status(), stopped.message());
        assertEquals(List.of(), Leftovers.find(t), "left behind after " + stopped.message());
    }
}
