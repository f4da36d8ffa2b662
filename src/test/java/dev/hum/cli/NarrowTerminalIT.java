package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in an 80×24 tmux window, the size a terminal opens with, in a package.json folder: the first
 * screen says what to press, the key bar shows the way out, the list gives the log most of the width.
 */
final class NarrowTerminalIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final TmuxHum hum = new TmuxHum("humnarrow");

    @Test
    void dashboard_at80x24ShowsTheWayOutAHintAndAWideLog() throws Exception {
        // A fake npm on PATH stands in for the real one: the scripts print a long line and stay up.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = Files.writeString(
                bin.resolve("npm"),
                "#!/bin/sh\necho \"fake-npm-$2-prints-a-line-long-enough-to-need-the-width\"\nexec sleep 300\n");
        assertTrue(npm.toFile().setExecutable(true));
        Files.writeString(
                dir.resolve("package.json"), "{\"scripts\": {\"web\": \"vite\", \"api\": \"node api.js\"}}\n");

        Tmux tmux = hum.open(dir, 80, 24);
        hum.startHum("PATH=" + bin + ":$PATH ");
        String first = tmux.await(s -> s.contains("STATUS") && s.contains("q quit"), "the first frame");
        List<String> rows = first.lines().toList();
        String keys = rows.get(rows.size() - 1);
        assertTrue(keys.contains("? help") && keys.contains("q quit"), "the way out is in view:\n" + first);
        assertTrue(first.contains("2 package.json scripts are listed, not started."), "what to press:\n" + first);
        assertTrue(first.contains("s here starts all 2 processes"), "what to press:\n" + first);

        tmux.keys("s"); // on "all": both scripts
        String running = tmux.await(
                s -> s.contains("fake-npm-api-prints-a-line-long-enough") && s.contains("fake-npm-web-prints"),
                "both scripts' lines, with 40 columns and more of text");
        String header = running.lines().findFirst().orElseThrow();
        String list = header.substring(0, header.indexOf('│'));
        assertTrue(list.contains("STATUS"), running);
        assertFalse(list.contains("UPTIME") || list.contains("PID"), "uptime and pid gave way:\n" + running);
        assertTrue(header.indexOf('│') <= 32, "the list takes at most two fifths of the width:\n" + running);

        tmux.keys("q");
        assertEquals(0, hum.awaitExit());
        assertEquals(List.of(), hum.leftovers(), "processes left after q");
    }
}
