package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import dev.hum.config.Command;
import dev.hum.config.ProcessSpec;
import dev.hum.config.StopSignal;
import dev.hum.state.Status;
import dev.hum.testing.OwnThread;
import dev.hum.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Quit while a process will not stop: a second q says what is still stopping and for how long, Ctrl-C kills every
 * group left at once, and nothing is left behind. The render loop's part (it calls Supervisor.killAll on the
 * request) runs in the real terminal in cli.QuitIT: on a virtual terminal its key reader holds the terminal's lock.
 */
final class QuitAtOnceTest {

    /** Far beyond Poll's limit: a quit that waited for this stop timeout fails the test. */
    private static final Duration LONG_GRACE = Duration.ofSeconds(300);

    /** Ignores TERM (and so does its sleep, which inherits that), prints deaf-2 (its command line does not). */
    private static ProcessSpec deaf(String name) {
        return new ProcessSpec(
                name,
                new Command.Shell("trap '' TERM; echo deaf-$((1+1)); sleep 300 & wait"),
                ScreenHarness.TMP,
                Map.of(),
                true,
                StopSignal.TERM,
                LONG_GRACE);
    }

    private static final KeyStroke CTRL_C = new KeyStroke('c', true, false);

    @Test
    void secondQ_saysWhatIsStillStoppingAndForHowLong_ctrlCAsksToKill() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 12, deaf("deaf"), ScreenHarness.shell("quick", "sleep 300"))) {
            h.startAll();
            h.awaitText("deaf-2");
            List<ProcessHandle> tree = treeOf(h, "deaf");

            h.press('q');
            h.awaitText("quitting: stopping");
            CompletableFuture<Boolean> stopAll = OwnThread.supply(h.supervisor::stopAll); // as the render loop does
            h.await(
                    () -> state(h, "quick") != Status.STOPPING
                            && !state(h, "quick").isLive(),
                    "quick to stop");
            h.press('q');
            h.awaitText("still stopping: deaf ");
            h.awaitText("deaf 1s"); // counts how long it has been stopping
            assertTrue(h.row(11).contains("Ctrl-C kills them now"), h.row(11));
            assertFalse(h.row(11).contains("quick"), "quick stopped already:\n" + h.row(11));
            assertFalse(h.dashboard.takeKillRequest(), "q alone kills nothing");

            h.dashboard.handle(CTRL_C);
            h.frame();
            assertTrue(h.dashboard.takeKillRequest(), "Ctrl-C while stopping asks to kill at once");
            assertFalse(h.dashboard.takeKillRequest(), "once");
            assertTrue(h.row(11).contains("quitting at once: killing 1 process with SIGKILL"), h.row(11));
            h.supervisor.killAll(); // as the render loop does
            Poll.until("stopAll to end without the stop timeout", stopAll::isDone);
            assertEquals(List.of(), alive(tree));
        }
    }

    private static Status state(ScreenHarness h, String name) {
        return h.supervisor.find(name).orElseThrow().state().status();
    }

    /** The leader and every descendant it has now. */
    private static List<ProcessHandle> treeOf(ScreenHarness h, String name) {
        long pid = h.supervisor.find(name).orElseThrow().state().pid();
        ProcessHandle leader = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> tree =
                new java.util.ArrayList<>(leader.descendants().toList());
        tree.add(leader);
        assertTrue(tree.size() >= 2, "the shell and its sleep");
        return tree;
    }

    private static List<Long> alive(List<ProcessHandle> tree) {
        return tree.stream()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .toList();
    }
}
