package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** s, x and r on the "all" entry act on every process they apply to, over real processes; messages follow state. */
final class AllProcessesTest {

    private static ProcessState state(ScreenHarness h, String name) {
        return h.supervisor.registry().find(name).orElseThrow().get();
    }

    private static Status status(ScreenHarness h, String name) {
        return state(h, name).status();
    }

    @Test
    void all_startsEveryProcessNotRunningAndStopsEveryRunningOne(@TempDir Path dir) throws Exception {
        Path go = dir.resolve("go");
        // db stops only once the test lets it: the message in between says how many are being stopped.
        String gated = "trap 'while [ ! -f " + go + " ]; do sleep 0.05; done; rm -f " + go + "; exit 0' TERM;"
                + " while :; do sleep 0.1; done";
        try (ScreenHarness h = new ScreenHarness(
                100,
                16,
                ScreenHarness.shell("web", "sleep 300", false),
                ScreenHarness.shell("api", "sleep 300", false),
                ScreenHarness.shell("db", gated, false),
                ScreenHarness.shell("once", "exit 0", false))) {
            h.supervisor.start("db").join();
            h.supervisor.start("once").join();
            h.await(() -> status(h, "once") == Status.EXITED, "once to exit");
            h.press('s'); // on "all": web, api and once; db runs already
            String bar = h.row(15);
            assertTrue(bar.contains("starting 3 processes") || bar.contains("started 3 processes"), h.text());
            h.awaitText("started 3 processes");
            assertEquals(Status.RUNNING, status(h, "web"));
            assertEquals(Status.RUNNING, status(h, "api"));
            assertEquals(2, state(h, "once").run());
            assertEquals(1, state(h, "db").run(), "db was running: it is not started again");
            h.await(() -> status(h, "once") == Status.EXITED, "once to exit again");

            h.press('r'); // the running ones: web, api, db
            assertTrue(h.row(15).contains("restarting 3 processes"), h.text());
            Files.createFile(go);
            h.awaitText("restarted 3 processes");
            assertEquals(2, state(h, "web").run());
            assertEquals(2, state(h, "db").run());
            assertEquals(2, state(h, "once").run(), "once had exited: a restart of all leaves it");

            h.press('x');
            assertTrue(h.row(15).contains("stopping 3 processes"), h.text());
            Files.createFile(go);
            h.await(
                    () -> status(h, "web") == Status.STOPPED
                            && status(h, "api") == Status.STOPPED
                            && status(h, "db") == Status.STOPPED,
                    "every running process to stop");
            h.awaitText("stopped 3 processes");
            h.press('x');
            assertTrue(h.row(15).contains("nothing is running"), h.text());
        }
    }

    @Test
    void message_aboutAProcessGoesWhenItsStatusChanges(@TempDir Path dir) throws Exception {
        Path go = dir.resolve("go");
        try (ScreenHarness h = new ScreenHarness(
                100,
                12,
                ScreenHarness.shell("start", "while [ ! -f " + go + " ]; do sleep 0.05; done; exit 3", false))) {
            h.press('s');
            h.awaitText("start started (pid");
            Files.createFile(go);
            h.await(() -> status(h, "start") == Status.FAILED, "start to fail");
            h.awaitText("FAILED 3");
            assertFalse(h.row(11).contains("started"), "the message went with the state:\n" + h.text());
            assertTrue(h.row(11).contains("q quit"), h.text());
        }
    }
}
