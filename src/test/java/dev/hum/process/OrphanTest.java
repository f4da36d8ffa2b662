package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Processes that leave their tree: daemons, orphans, fork bombs in miniature. */
final class OrphanTest {

    private Supervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    @Test
    void stop_daemonThatDoubleForkedAfterItsParentExitedIsStopped() throws Exception {
        String t = Leftovers.token();
        // The subshell's setsid'd sh starts sleep in the background and exits at once: the sleep is
        // orphaned in a session of its own, outside the process's group and tree.
        String script = "(setsid sh -c 'sleep 309 &'); echo daemonized; sleep 300";
        supervisor = new Supervisor(Specs.config(Specs.tagged("spawner", script, t)));
        supervisor.start("spawner").get(10, TimeUnit.SECONDS);
        long hum = ProcessHandle.current().pid();
        long leader = supervisor.registry().find("spawner").orElseThrow().get().pid();
        Poll.until(
                "the daemon to be re-parented", () -> Leftovers.find(t).stream().anyMatch(pid -> ProcEntry.read(pid)
                        .map(e -> e.ppid() == hum && e.sid() != leader)
                        .orElse(false)));
        supervisor.stop("spawner").get(30, TimeUnit.SECONDS);
        assertEquals(List.of(), Leftovers.find(t));
    }

    @Test
    void stopAll_stopsWhatOutlivedAFinishedRun() throws Exception {
        String t = Leftovers.token();
        supervisor = new Supervisor(Specs.config(Specs.tagged("setup", "(setsid sh -c 'sleep 310 &'); exit 0", t)));
        supervisor.start("setup").get(10, TimeUnit.SECONDS);
        Await.state(supervisor.registry().find("setup").orElseThrow(), "exit", s -> s.status() == Status.EXITED);
        Poll.until("the daemon", () -> !Leftovers.find(t).isEmpty());
        assertTrue(supervisor.stopAll());
        assertEquals(List.of(), Leftovers.find(t));
    }

    @Test
    void stop_childThatForked500ProcessesLeavesNone() throws Exception {
        String t = Leftovers.token();
        String script = "i=0; while [ $i -lt 500 ]; do sleep 311 & i=$((i+1)); done; echo forked; wait";
        supervisor = new Supervisor(Specs.config(Specs.tagged("forker", script, t, Duration.ofSeconds(5))));
        supervisor.start("forker").get(10, TimeUnit.SECONDS);
        Poll.until("500 children", () -> Leftovers.find(t).size() >= 501);
        supervisor.stop("forker").get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), Leftovers.find(t));
    }
}
