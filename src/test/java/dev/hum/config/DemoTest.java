package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoTest {
    @TempDir
    Path dir;

    @Test
    void discover_emptyFolderGivesDemo() throws ConfigException {
        ProjectConfig config = ConfigLoader.discover(dir);
        assertEquals(Origin.DEMO, config.origin());
        assertEquals(dir.toAbsolutePath().normalize(), config.source());
        assertEquals(
                Demo.NAMES, config.processes().stream().map(ProcessSpec::name).toList());
        for (ProcessSpec spec : config.processes()) {
            assertTrue(spec.autostart());
            assertEquals(dir.toAbsolutePath().normalize(), spec.cwd());
            assertTrue(spec.command() instanceof Command.Shell);
            assertFalse(spec.command().display().contains("\n"));
        }
    }

    @Test
    void scripts_passShSyntaxCheckAndAreAscii() throws Exception {
        for (String name : Demo.NAMES) {
            String script = Demo.script(name);
            // Non-ASCII bytes in an argument could be mangled under a C locale; printf escapes instead.
            assertTrue(script.chars().allMatch(c -> c < 128), name + " is not ASCII");
            Process sh = new ProcessBuilder("/bin/sh", "-n", "-c", script)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(sh.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, sh.exitValue(), name + ": " + output);
        }
    }

    @Test
    void scripts_runAndPrint() throws Exception {
        for (ProcessSpec spec : ConfigLoader.discover(dir).processes()) {
            Process process = new ProcessBuilder(spec.command().argv())
                    .directory(spec.cwd().toFile())
                    .start();
            try (var out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertTrue(line != null && !line.isBlank(), spec.name() + " printed nothing");
            } finally {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void flaky_failsWithExitOneAndWritesStderr() throws Exception {
        Process process = new ProcessBuilder(new Command.Shell(Demo.script("flaky")).argv()).start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(stderr.startsWith("error:"), stderr);
    }
}
