package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.StopSignal;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import dev.hum.testing.OwnThread;
import dev.hum.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A signal a person chose reaches the run's whole group, only a live run's, and KILL does not wait for a stop. */
final class SignalGroupTest {

    /** Ignores TERM, so that only a KILL ends it before its stop timeout; prints ready-2 (its command does not). */
    private static final String DEAF = "trap '' TERM; echo ready-$((1+1)); while :; do sleep 0.1; done";

    /** Far beyond Poll's limit: a test that waited for this grace period would fail. */
    private static final Duration LONG_GRACE = Duration.ofSeconds(300);

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @Test
    void signal_usr1ReachesTheLeaderAndItsChildAndTheLogSaysSo() throws Exception {
        String script = "trap 'echo leader-got-USR1' USR1;"
                + " sh -c 'trap \"echo child-got-USR1\" USR1; while :; do sleep 0.1; done' &"
                + " echo ready-$((1+1)); while :; do sleep 0.1; done";
        supervisor = new Supervisor(Specs.config(Specs.shell("app", script)));
        supervisor.start("app").get(10, TimeUnit.SECONDS);
        Poll.until("app to be ready", () -> run.lines("app"), l -> l.contains("ready-2"));
        long pid = run.cell("app").get().pid();

        ActionResult sent = supervisor.signal("app", StopSignal.USR1).get(10, TimeUnit.SECONDS);

        assertTrue(sent.ok(), sent::message);
        assertEquals("app: sent SIGUSR1 to the group of pid " + pid, sent.message());
        Poll.until(
                "both traps to run",
                () -> run.lines("app"),
                l -> l.contains("leader-got-USR1") && l.contains("child-got-USR1"));
        assertTrue(
                run.lines("app").contains("hum: sent SIGUSR1 to the group of pid " + pid), run.lines("app")::toString);
        assertEquals(Status.RUNNING, run.cell("app").get().status(), "a trapped USR1 leaves it running");
    }

    @Test
    void signal_toARunThatEndedOrNeverBeganIsRefused() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("done", "echo bye"), Specs.shell("idle", "sleep 300")));
        supervisor.start("done").get(10, TimeUnit.SECONDS);
        Await.state(run.cell("done"), "done to exit", s -> s.status() == Status.EXITED);

        ActionResult ended = supervisor.signal("done", StopSignal.HUP).get(10, TimeUnit.SECONDS);
        ActionResult never = supervisor.signal("idle", StopSignal.KILL).get(10, TimeUnit.SECONDS);
        ActionResult nobody = supervisor.signal("nobody", StopSignal.INT).get(10, TimeUnit.SECONDS);

        assertFalse(ended.ok());
        assertEquals("done is not running: no SIGHUP sent", ended.message());
        assertFalse(never.ok());
        assertEquals("idle is not running: no SIGKILL sent", never.message());
        assertFalse(nobody.ok(), nobody::message);
        List<String> lines = run.lines("done");
        assertTrue(lines.stream().noneMatch(l -> l.contains("SIGHUP")), "nothing sent, nothing noted: " + lines);
    }

    @Test
    void signal_killDuringAStopThatWaitsOutItsGraceEndsItAtOnce() throws Exception {
        String token = Leftovers.token();
        supervisor = new Supervisor(Specs.config(Specs.tagged("deaf", DEAF, token, LONG_GRACE)));
        supervisor.start("deaf").get(10, TimeUnit.SECONDS);
        Poll.until("deaf to be ready", () -> run.lines("deaf"), l -> l.contains("ready-2"));
        CompletableFuture<ActionResult> stop = supervisor.stop("deaf");
        Await.state(run.cell("deaf"), "deaf to be stopping", s -> s.status() == Status.STOPPING);

        ActionResult killed = supervisor.signal("deaf", StopSignal.KILL).get(10, TimeUnit.SECONDS);

        assertTrue(killed.ok(), killed::message);
        Poll.until("the stop to end without its grace period", stop::isDone);
        ProcessState s = run.cell("deaf").get();
        assertFalse(s.status().isLive(), s::toString);
        assertEquals(List.of(), Leftovers.find(token));
    }

    @Test
    void killAll_duringStopAllEndsEveryStopAtOnceAndLeavesNothing() throws Exception {
        String token = Leftovers.token();
        supervisor = new Supervisor(Specs.config(
                Specs.tagged("a", DEAF, token, LONG_GRACE),
                Specs.tagged("b", "sh -c \"trap '' TERM; while :; do sleep 0.1; done\" & " + DEAF, token, LONG_GRACE)));
        supervisor.startWanted(List.of()).forEach(CompletableFuture::join);
        Poll.until("a to be ready", () -> run.lines("a"), l -> l.contains("ready-2"));
        Poll.until("b to be ready", () -> run.lines("b"), l -> l.contains("ready-2"));
        CompletableFuture<Boolean> stopAll = OwnThread.supply(supervisor::stopAll);
        Await.state(run.cell("a"), "a to be stopping", s -> s.status() == Status.STOPPING);

        supervisor.killAll();

        Poll.until("stopAll to end without the grace period", stopAll::isDone);
        assertTrue(stopAll.get(), "every stop finished in time");
        assertEquals(List.of(), Leftovers.find(token));
        assertTrue(
                run.lines("a").stream().anyMatch(l -> l.startsWith("hum: quit at once: sent SIGKILL")),
                run.lines("a")::toString);
        assertTrue(run.lines("a").contains("hum: killed with SIGKILL: quit at once"), run.lines("a")::toString);
    }
}
