package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real jar in tmux: a real busy process, {@code yes > /dev/null}, shows CPU above zero in the list. */
final class ResourceColumnsIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final TmuxHum hum = new TmuxHum("humresources");

    @Test
    void list_showsABusyProcessCpuAboveZero() throws Exception {
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  busy:\n    cmd: yes > /dev/null\n    env: {HUM_TEST_TOKEN: " + hum.token() + "}\n");
        Tmux tmux = hum.open(dir, 140, 24);
        hum.startHum("");
        String screen = tmux.await(ResourceColumnsIT::busyCpuAboveZero, "busy's CPU above zero in the list");
        String header = screen.lines().findFirst().orElseThrow();
        assertTrue(header.contains("CPU") && header.contains("MEM"), screen);
        tmux.keys("q");
        assertEquals(0, hum.awaitExit());
        assertEquals(List.of(), hum.leftovers(), "processes left after q");
    }

    /** True when the CPU cell of busy's row holds a percentage above zero. */
    private static boolean busyCpuAboveZero(String screen) {
        List<String> rows = screen.lines().toList();
        if (rows.isEmpty()) {
            return false;
        }
        int at = rows.get(0).indexOf("CPU");
        for (String row : rows) {
            if (at > 0 && row.length() > at && row.substring(2).startsWith("busy ")) {
                Matcher m = Pattern.compile("(\\d+(?:\\.\\d)?)%")
                        .matcher(row.substring(at).split(" ", 2)[0]);
                return m.matches() && Double.parseDouble(m.group(1)) > 0;
            }
        }
        return false;
    }
}
