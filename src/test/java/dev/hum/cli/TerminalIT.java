package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hum.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal always comes back: the real jar in tmux, hit by a signal while it starts, suspended
 * with Ctrl-Z and continued with fg, and given the keys a terminal would turn into signals (Ctrl-\)
 * or flow control (Ctrl-S).
 */
final class TerminalIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final TmuxHum hum = new TmuxHum("humterm");

    private final String token = hum.token();
    private Tmux tmux;

    @Test
    void sigtermDuringStartUp_restoresOnceAfterTheLastFrame() throws Exception {
        // The child signals hum the moment it starts: before, during or just after the first frame.
        writeConfig("  killer:\n    cmd: kill -TERM $PPID\n", "  sleeper:\n    cmd: sleep 300\n");
        tmux = hum.open(dir, 100, 24);
        startHum();
        assertEquals(128 + 15, awaitExit());
        String after = tmux.screen();
        // Regression: the restore ran before the render loop existed, which then drew over the shell.
        assertFalse(
                after.contains("│") || after.contains("RUNNING") || after.contains("select"),
                "dashboard drawn on the shell screen:\n" + after);
        assertEquals("0", tmux.paneFormat("#{alternate_on}"), "the alternate screen is still up");
        assertEquals("1", tmux.paneFormat("#{cursor_flag}"), "the cursor is hidden");
        assertEquals(List.of(), TokenScan.find(token), "processes left after SIGTERM");
    }

    @Test
    void ctrlZ_suspendsWithTheShellScreenAndFgTakesTheTerminalBack() throws Exception {
        writeConfig(
                "  alpha:\n    cmd: echo alpha-ready; sleep 300\n", "  beta:\n    cmd: echo beta-ready; sleep 300\n");
        tmux = hum.open(dir, 100, 24);
        // Without "; echo EXIT=$?": the shell would run it when hum stops, not when it ends.
        tmux.typeLine("HUM_TEST_TOKEN=" + token + " " + TmuxHum.JAVA + " -jar " + TmuxHum.JAR);
        tmux.await(s -> s.contains("alpha-ready") && s.contains("beta-ready"), "both processes to start");
        tmux.keys("C-z");
        tmux.await(s -> s.contains("Stopped") || s.contains("stopped"), "the shell to report hum stopped");
        assertEquals("0", tmux.paneFormat("#{alternate_on}"), "suspended with the alternate screen up");
        assertEquals("1", tmux.paneFormat("#{cursor_flag}"), "suspended with the cursor hidden");
        long hum = tmux.childOfShell("hum.jar").orElseThrow(() -> new AssertionError("no hum under the shell"));
        List<Long> children = new ArrayList<>(TokenScan.find(token));
        children.remove(hum);
        assertFalse(children.isEmpty(), "the processes keep running while hum is suspended");

        tmux.typeLine("fg");
        tmux.awaitText("↑↓ select");
        assertEquals("1", tmux.paneFormat("#{alternate_on}"), "fg did not bring the dashboard back");
        // Keys work at once, one by one: raw mode is back (line mode would hold them until Enter).
        tmux.keys("j");
        tmux.awaitText("alpha · RUNNING");
        tmux.keys("j");
        tmux.awaitText("beta · RUNNING");
        tmux.keys("q");
        Poll.until("hum to exit", () -> {
            try {
                return tmux.childOfShell("hum.jar").isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        tmux.typeLine("echo \"EXIT=$?\"");
        assertEquals(0, awaitExit());
        assertEquals(List.of(), TokenScan.find(token), "processes left after q");
        assertEquals("0", tmux.paneFormat("#{alternate_on}"));
    }

    @Test
    void ctrlBackslashAndCtrlS_areKeysNotSignalsOrFlowControl() throws Exception {
        writeConfig(
                "  alpha:\n    cmd: echo alpha-ready; sleep 300\n", "  beta:\n    cmd: echo beta-ready; sleep 300\n");
        tmux = hum.open(dir, 100, 24);
        startHum();
        tmux.await(s -> s.contains("alpha-ready") && s.contains("beta-ready"), "both processes to start");
        tmux.keys("C-\\");
        tmux.keys("j");
        String screen = tmux.awaitText("alpha · RUNNING");
        // A thread dump scrolls over the dashboard; the frames after it rewrite only the cells they change.
        assertFalse(
                screen.contains("thread dump") || screen.contains("Thread.State") || screen.contains("JNI global"),
                "Ctrl-\\ printed a thread dump:\n" + screen);
        // Ctrl-S would stop the terminal's output: the next key's effect would never show.
        tmux.keys("C-s");
        tmux.keys("j");
        tmux.awaitText("beta · RUNNING");
        tmux.keys("C-q");
        tmux.keys("q");
        assertEquals(0, awaitExit());
        assertEquals(List.of(), TokenScan.find(token), "processes left after q");
    }

    private void writeConfig(String... processes) throws Exception {
        StringBuilder yaml = new StringBuilder("processes:\n");
        for (String p : processes) {
            yaml.append(p).append("    env: {HUM_TEST_TOKEN: ").append(token).append("}\n");
        }
        Files.writeString(dir.resolve("hum.yaml"), yaml);
    }

    private void startHum() throws Exception {
        hum.startHum("");
    }

    private int awaitExit() throws Exception {
        return hum.awaitExit();
    }
}
