package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hum.state.ProcessState;
import dev.hum.state.StateCell;
import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever is handed to hum as subreaper is reaped as it ends, not only during a stop. */
final class ReaperTest {

    private Supervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    /** Zombie children of this JVM outside its own session: orphans handed over, never Java's own helpers. */
    private static List<ProcEntry> orphanZombies() {
        long self = ProcessHandle.current().pid();
        return ProcessTable.snapshot().zombieChildrenOf(self).stream()
                .filter(z -> z.sid() != Posix.ownSession())
                .toList();
    }

    @Test
    void reaper_daemonisingProcessLeavesNoZombiesAndJavaKeepsItsExitCodes() throws Exception {
        String t = Leftovers.token();
        // The setsid'd shell leads a session of its own and is handed to hum when the run's shell exits at once;
        // its sleep is handed over in turn when that shell exits. Both end as hum's children: two zombies a run.
        String script = "setsid sh -c 'sleep 0.3 &' & exit 7";
        supervisor = new Supervisor(Specs.config(Specs.tagged("daemoniser", script, t)));
        StateCell cell = supervisor.registry().find("daemoniser").orElseThrow();
        for (int run = 1; run <= 6; run++) {
            supervisor.start("daemoniser").get(10, TimeUnit.SECONDS);
            int number = run;
            ProcessState end = Await.state(
                    cell,
                    "run " + run + " to end",
                    s -> s.run() == number && !s.status().isLive());
            // Java waits for its own child itself: had the reaper taken that exit, the code would be lost.
            assertEquals(Status.FAILED, end.status(), end::toString);
            assertEquals("FAILED 7", end.statusWord());
        }
        Poll.until("every daemonised sleep to end", () -> Leftovers.find(t).isEmpty());
        // No stop ran: only the reaper can have collected them.
        assertEquals(List.of(), Poll.until("no zombie handed to hum", ReaperTest::orphanZombies, List::isEmpty));
    }
}
