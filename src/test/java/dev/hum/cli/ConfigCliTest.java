package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real command on configurations that are not what they seem: exit code 2 and one clear line, or it works. */
final class ConfigCliTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120) // only ends a hang: hum -c on a FIFO used to block in open() until a writer came
    void config_fifoNamedHumYamlExits2InsteadOfTheDemoOrAHang() throws Exception {
        Path fifo = dir.resolve("hum.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        HumProcess discovered = HumProcess.start(dir, Map.of(), "--headless");
        assertEquals(2, discovered.waitForExit(), discovered.stdoutText());
        assertEquals(
                "hum.yaml: cannot read: it is a named pipe (FIFO), not a regular file",
                discovered.stderrText().strip());
        assertEquals("", discovered.stdoutText(), "no demo");

        HumProcess chosen = HumProcess.start(dir, Map.of(), "-c", "hum.yaml", "--headless");
        assertEquals(2, chosen.waitForExit());
        assertEquals(
                "hum.yaml: cannot read: it is a named pipe (FIFO), not a regular file",
                chosen.stderrText().strip());
    }

    @Test
    void config_folderNamedPackageJsonExits2() throws Exception {
        Files.createDirectory(dir.resolve("package.json"));
        HumProcess hum = HumProcess.start(dir, Map.of(), "--headless");
        assertEquals(2, hum.waitForExit());
        assertEquals(
                "package.json: cannot read: it is a folder, not a file",
                hum.stderrText().strip());
    }

    @Test
    void headless_scriptNamedWithASpaceStartsByItsQuotedNameAndAnOddOneIsLeftOutAloud() throws Exception {
        // A fake package manager on PATH stands in for npm, so the test needs no network.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\necho \"npm $1 [$2]\"\n");
        assertTrue(npm.toFile().setExecutable(true));
        Files.writeString(
                dir.resolve("package.json"),
                "{\"scripts\": {\n  \"dev\": \"vite\",\n  \"weird name\": \"x\",\n  \"beep\\u0007\": \"y\"}}\n");
        String path = bin + ":" + System.getenv("PATH");

        HumProcess hum = HumProcess.start(dir, Map.of("PATH", path, "NO_COLOR", "1"), "--headless", "weird name");
        assertEquals(0, hum.waitForExit(), hum.stderrText());
        assertTrue(hum.stdoutText().contains("weird name | npm run [weird name]\n"), hum.stdoutText());
        assertFalse(hum.stdoutText().contains("npm run [dev]"), hum.stdoutText());
        assertTrue(
                hum.stderrText()
                        .lines()
                        .toList()
                        .contains(
                                "package.json:4:3: left out script 'beep\\x07': its name has the invisible character U+0007"),
                hum.stderrText());
    }
}
