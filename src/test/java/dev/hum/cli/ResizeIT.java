package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar learns its terminal's size from the kernel (no cursor-position report) when it starts and
 * again after every resize: the key bar sits on the last row and the divider where the width puts it.
 */
final class ResizeIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final TmuxHum hum = new TmuxHum("humresize");

    @Test
    void dashboard_fillsTheTerminalAtStartAndAfterAResize() throws Exception {
        Files.writeString(dir.resolve("hum.yaml"), "processes:\n  app:\n    cmd: echo app-up; sleep 300\n");
        Tmux tmux = hum.open(dir, 150, 40);
        hum.startHum("");
        String first = tmux.await(s -> s.contains("app-up") && s.contains("q quit"), "the first frame");
        assertFills(first, 40);

        tmux.resize(90, 18);

        String resized =
                tmux.await(s -> s.lines().count() == 18 && lastRow(s).contains("q quit"), "a frame of 18 rows");
        assertFills(resized, 18);
        assertTrue(resized.lines().findFirst().orElseThrow().indexOf('│') < 45, "the list narrowed:\n" + resized);

        tmux.keys("q");
        assertEquals(0, hum.awaitExit());
        assertEquals(List.of(), hum.leftovers(), "processes left after q");
    }

    private static void assertFills(String screen, int rows) {
        List<String> lines = screen.lines().toList();
        assertEquals(rows, lines.size(), screen);
        assertTrue(lines.get(0).contains("PROCESS"), "the list's header on the first row:\n" + screen);
        assertTrue(lastRow(screen).contains("q quit"), "the key bar on the last row:\n" + screen);
    }

    private static String lastRow(String screen) {
        List<String> lines = screen.lines().toList();
        return lines.get(lines.size() - 1);
    }
}
