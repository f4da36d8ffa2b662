package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Quit means quit: what is queued when hum shuts down never starts a run. */
final class ShutdownTest {

    private Supervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    @Test
    @Timeout(180) // only ends a hang: the old code worked through every queued restart, a second each
    void stopAll_cancelsQueuedRestartsAndStartsNoRunAfterIt() throws Exception {
        String t = Leftovers.token();
        // Ignores TERM (the sleep inherits the ignored signal), so each stop takes its whole timeout.
        String script = "trap '' TERM; echo up; sleep 300";
        supervisor = new Supervisor(Specs.config(Specs.tagged("server", script, t, Duration.ofSeconds(1))));
        supervisor.start("server").get(10, TimeUnit.SECONDS);
        List<CompletableFuture<ActionResult>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(supervisor.restart("server"));
        }
        // Mixed key spam, as 's x r' pressed over and over.
        for (int i = 0; i < 3; i++) {
            queued.add(supervisor.start("server"));
            queued.add(supervisor.stop("server"));
            queued.add(supervisor.restart("server"));
        }

        supervisor.stopAll();
        int runAtQuit = supervisor.registry().find("server").orElseThrow().get().run();

        // Whatever was queued has had its turn once its future is done; the old code started a run for each.
        for (CompletableFuture<ActionResult> action : queued) {
            action.get(Poll.LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertEquals(List.of(), Leftovers.find(t), "a process of the session outlived the shutdown");
        var state = supervisor.registry().find("server").orElseThrow().get();
        assertEquals(runAtQuit, state.run(), "a run began after the shutdown");
        assertFalse(state.status().isLive(), state::toString);
    }

    @Test
    void start_afterStopAllIsRefused() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("server", "sleep 300")));
        supervisor.stopAll();
        ActionResult late = supervisor.start("server").get(10, TimeUnit.SECONDS);
        assertTrue(late.message().contains("shutting down"), late.message());
        assertEquals(
                Status.NOT_STARTED,
                supervisor.registry().find("server").orElseThrow().get().status());
    }
}
