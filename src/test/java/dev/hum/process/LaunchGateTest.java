package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Launches held for the dashboard's first frame show STARTING without a pid, and go when let go or in time. */
final class LaunchGateTest {

    /** Far beyond Poll's limit: a test that waited this long for a launch would fail. */
    private static final Duration LONG_HOLD = Duration.ofSeconds(300);

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @Test
    void heldLaunch_showsStartingWithoutAPid_untilReleased() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("app", "echo up; sleep 300")));
        supervisor.holdLaunches(LONG_HOLD);

        CompletableFuture<ActionResult> started = supervisor.start("app");
        Await.state(run.cell("app"), "app to be starting", s -> s.status() == Status.STARTING);
        Thread.sleep(300); // ample for a fork that was not held back (milliseconds)
        ProcessState held = run.cell("app").get();
        assertEquals(Status.STARTING, held.status());
        assertEquals(0, held.pid(), "no process yet");
        assertFalse(started.isDone());

        supervisor.releaseLaunches();

        assertTrue(started.get(10, TimeUnit.SECONDS).ok());
        Poll.until("app to print", () -> run.lines("app"), l -> l.contains("up"));
        assertTrue(run.cell("app").get().pid() > 0);
    }

    @Test
    void heldLaunch_goesWhenTheHoldRunsOut_withoutARelease() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("app", "echo up; sleep 300")));
        supervisor.holdLaunches(Duration.ofMillis(200));

        assertTrue(supervisor.start("app").get(10, TimeUnit.SECONDS).ok());

        Poll.until("app to print", () -> run.lines("app"), l -> l.contains("up"));
    }

    @Test
    void stopAll_whileALaunchIsHeld_endsWithoutWaitingForTheHold() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("app", "sleep 300")));
        supervisor.holdLaunches(LONG_HOLD);
        CompletableFuture<ActionResult> started = supervisor.start("app");
        Await.state(run.cell("app"), "app to be starting", s -> s.status() == Status.STARTING);

        assertTrue(supervisor.stopAll(), "every stop finished in time");

        started.get(10, TimeUnit.SECONDS);
        assertFalse(
                run.cell("app").get().status().isLive(),
                () -> run.cell("app").get().toString());
    }
}
