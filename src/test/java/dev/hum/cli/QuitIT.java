package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Quit means quit, on the real jar in a real terminal: whatever the keys queued, q leaves nothing running. */
final class QuitIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final TmuxHum hum = new TmuxHum("humquit");

    @Test
    void quit_afterTwentyRestartsOfASlowServerCancelsThemAndLeavesNothing() throws Exception {
        // Ignores TERM, so every stop takes its whole stop_timeout: twenty restarts (a minute) outlast every wait
        // of the old way out (stop_timeout + 5 s, three times over), which then left the newest run behind.
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  slow:\n    cmd: trap '' TERM; w=slow; echo $w-ready; sleep 300\n"
                        + "    stop_timeout: 3s\n    env: {HUM_TEST_TOKEN: " + hum.token() + "}\n");
        Tmux tmux = hum.open(dir, 120, 30);
        hum.startHum("");
        tmux.awaitText("slow-ready");
        for (int i = 0; i < 20; i++) {
            tmux.keys("r");
        }
        tmux.awaitText("hum: start #2"); // the first restart is through: the rest are queued behind it
        tmux.keys("q");
        assertEquals(0, hum.awaitExit());
        assertEquals(List.of(), hum.leftovers(), "a run of slow outlived quit");
    }

    @Test
    void quit_secondQSaysWhatIsStoppingAndCtrlCKillsAProcessThatIgnoresTermAtOnce() throws Exception {
        // Its stop timeout is far beyond every wait of this test: only a kill at once lets hum exit in time.
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  deaf:\n    cmd: trap '' TERM; w=deaf; echo $w-ready; sleep 300 & wait\n"
                        + "    stop_timeout: 300s\n    env: {HUM_TEST_TOKEN: " + hum.token() + "}\n"
                        + "  quick:\n    cmd: w=quick; echo $w-ready; sleep 300\n"
                        + "    env: {HUM_TEST_TOKEN: " + hum.token() + "}\n");
        Tmux tmux = hum.open(dir, 120, 30);
        hum.startHum("");
        tmux.awaitText("deaf-ready");
        tmux.awaitText("quick-ready");
        tmux.keys("q");
        tmux.awaitText("quitting: stopping");
        tmux.keys("q");
        tmux.await(
                s -> s.contains("still stopping: deaf ") && s.contains("Ctrl-C kills them now"),
                "the second q to say what is still stopping");
        tmux.keys("C-c");
        assertEquals(0, hum.awaitExit());
        assertEquals(List.of(), hum.leftovers(), "a process outlived quit at once");
    }
}
