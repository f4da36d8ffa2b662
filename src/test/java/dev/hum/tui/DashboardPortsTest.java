package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Servers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log pane's title shows where a running server can be reached. */
final class DashboardPortsTest {

    @TempDir
    Path dir;

    @Test
    void title_showsThePortAndUrlOfARunningServer() throws Exception {
        Path script = Servers.script(dir);
        try (ScreenHarness h =
                new ScreenHarness(160, 10, ScreenHarness.shell("web", "python3 " + script + "; exit 0"))) {
            h.startAll();
            h.awaitText("listening on port ");
            String text = h.text();
            int at = text.indexOf("listening on port ") + "listening on port ".length();
            int end = at;
            while (Character.isDigit(text.charAt(end))) {
                end++;
            }
            String port = text.substring(at, end);
            h.awaitText("web · RUNNING · :" + port + " http://localhost:" + port + "/ · python3");
            assertTrue(h.row(0).contains("│ web · RUNNING · :" + port + " http"), h.row(0));
        }
    }
}
