package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.control.Wire;
import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code hum ps/start/stop/restart/logs/wait} against a real {@code hum --headless}, each in a JVM of its own. */
@Timeout(300) // only ends a hang
final class ControlCommandsTest {

    @TempDir
    Path dir;

    private Map<String, String> env;
    private HumProcess headless;

    @AfterEach
    void stop() throws Exception {
        if (headless != null && headless.process.isAlive()) {
            headless.process.destroy(); // SIGTERM: hum stops its children
            headless.waitForExit();
        }
    }

    private void project() throws Exception {
        Path runtime = Files.createDirectories(
                dir.resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        env = Map.of("XDG_RUNTIME_DIR", runtime.toString(), "NO_COLOR", "1");
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n"
                        + "  web:\n    cmd: echo booting; while [ ! -e go ]; do sleep 0.05; done;"
                        + " echo ready in 5 ms; exec sleep 300\n"
                        + "  job:\n    autostart: false\n    cmd: w=oops; echo $w >&2; exit 3\n");
    }

    /** Runs one command to its end; returns the finished process. */
    private HumProcess hum(String... args) throws Exception {
        HumProcess p = HumProcess.start(dir, env, args);
        p.waitForExit();
        return p;
    }

    @Test
    void commands_driveAHeadlessHumWithTheirExitCodes() throws Exception {
        project();
        HumProcess none = hum("ps");
        assertEquals(3, none.process.exitValue());
        assertTrue(none.stderrText().contains("hum --headless"), none.stderrText());

        headless = HumProcess.start(dir, env, "--headless");
        Poll.until("hum ps to find the headless hum", () -> {
            try {
                return hum("ps").process.exitValue() == 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        HumProcess ps = hum("ps", "--json");
        assertEquals(0, ps.process.exitValue(), ps.stderrText());
        List<String> lines = ps.stdoutText().lines().toList();
        assertEquals(2, lines.size(), ps.stdoutText());
        JsonNode web = Wire.JSON.readTree(lines.get(0));
        assertEquals("web", web.path("name").asString());
        assertEquals("RUNNING", web.path("status").asString());
        assertEquals(
                "NOT STARTED", Wire.JSON.readTree(lines.get(1)).path("status").asString());

        HumProcess waiting = HumProcess.start(dir, env, "wait", "web", "--log", "ready in \\d+ ms", "--timeout", "60s");
        Files.writeString(dir.resolve("go"), "");
        assertEquals(0, waiting.waitForExit(), waiting.stderrText());
        assertEquals("ready in 5 ms", waiting.stdoutText().strip());

        HumProcess late = hum("wait", "web", "--text", "never", "--timeout", "300ms");
        assertEquals(124, late.process.exitValue());
        assertTrue(late.stderrText().contains("timed out"), late.stderrText());
        assertTrue(late.stderrText().contains("ready in 5 ms"), "the tail:\n" + late.stderrText());

        assertEquals(0, hum("wait", "web", "--ready").process.exitValue());
        HumProcess json = hum("wait", "web", "--ready", "--json");
        assertEquals(
                "met", Wire.JSON.readTree(json.stdoutText()).path("outcome").asString());

        assertEquals(0, hum("start", "job").process.exitValue());
        HumProcess failed = hum("wait", "job", "--text", "listening");
        assertEquals(1, failed.process.exitValue());
        assertTrue(failed.stderrText().contains("! oops"), failed.stderrText());
        assertEquals(1, hum("wait", "job", "--exit").process.exitValue(), "job FAILED 3");

        HumProcess follow = HumProcess.start(dir, env, "logs", "web", "-f");
        Poll.until("logs -f to print the tail", () -> follow.stdoutText().contains("ready in 5 ms"));
        HumProcess restart = hum("restart", "web");
        assertEquals(0, restart.process.exitValue(), restart.stdoutText() + restart.stderrText());
        Poll.until("logs -f to follow the restart", () -> follow.stdoutText().contains("hum: start #2"));
        follow.process.destroy();
        follow.waitForExit();

        HumProcess grep = hum("logs", "--grep", "OOPS");
        assertTrue(grep.stdoutText().lines().anyMatch("job | oops"::equals), grep.stdoutText());
        assertTrue(grep.stdoutText().lines().allMatch(l -> l.toLowerCase(java.util.Locale.ROOT)
                .contains("oops")));

        assertEquals(2, hum("wait", "web").process.exitValue(), "no condition: usage");
        assertEquals(2, hum("stop", "nosuch").process.exitValue(), "an unknown name: usage");
        assertEquals(0, hum("stop", "web").process.exitValue());
        // every process has ended: the headless hum exits with the worst code, and takes its socket along
        assertEquals(3, headless.waitForExit());
        assertEquals(3, hum("ps").process.exitValue());
    }

    @Test
    void ps_showsEachTreesCpuAndMemoryAndADashWhenNotRunning() throws Exception {
        project();
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n"
                        + "  busy:\n    cmd: sh -c 'while :; do :; done'; exit 0\n"
                        + "  job:\n    autostart: false\n    cmd: exit 0\n");
        headless = HumProcess.start(dir, env, "--headless");
        // the busy loop's CPU is measured from the sampler's second pass on: ask until it shows
        String table = Poll.until(
                "hum ps to show the busy tree's CPU",
                () -> {
                    try {
                        return hum("ps").stdoutText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                out -> column(out, "busy", "CPU").matches("[0-9.]+%")
                        && !column(out, "busy", "CPU").equals("0%"));
        assertTrue(column(table, "busy", "MEM").matches("\\d+[KM]"), table);
        assertEquals("-", column(table, "job", "CPU"), table);
        assertEquals("-", column(table, "job", "MEM"), table);

        JsonNode busy = Wire.JSON.readTree(
                hum("ps", "--json").stdoutText().lines().findFirst().orElseThrow());
        assertTrue(busy.path("rss_bytes").asLong() > 0, busy.toString());
        assertTrue(busy.has("cpu_percent"), busy.toString());
    }

    /** The cell of {@code column} in the row of {@code name} in {@code hum ps}'s table; "" when there is none. */
    private static String column(String table, String name, String column) {
        List<String> rows = table.lines().toList();
        if (rows.isEmpty()) {
            return "";
        }
        int at = rows.get(0).indexOf(column);
        for (String row : rows) {
            if (at >= 0 && row.startsWith(name + " ") && row.length() > at) {
                return row.substring(at).split(" ", 2)[0];
            }
        }
        return "";
    }
}
