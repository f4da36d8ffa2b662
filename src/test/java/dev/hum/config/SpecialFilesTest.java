package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A configuration name that is not a small regular file (a folder, a FIFO, a device, a broken link, a
 * huge file) is an error that says what it is, never a fall-back to the next source or the demo, and
 * never a hang. Each case runs for every name discovery looks for.
 */
final class SpecialFilesTest {
    @TempDir
    Path dir;

    private ConfigException discoverError() {
        return assertThrows(ConfigException.class, () -> ConfigLoader.discover(dir));
    }

    private static void assertNames(ConfigException e, String name, String problem) {
        assertTrue(e.file().endsWith(name), e.getMessage());
        assertEquals(problem, e.problem(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hum.yaml", "hum.yml", "hum.json", "package.json", "Procfile"})
    void discover_folderIsAnErrorNotTheDemo(String name) throws IOException {
        Files.createDirectory(dir.resolve(name));
        assertNames(discoverError(), name, "cannot read: it is a folder, not a file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hum.yaml", "hum.json", "package.json", "Procfile"})
    @Timeout(60) // only ends a hang: opening a FIFO blocks until a writer comes
    void discover_fifoIsRefusedWithoutOpeningIt(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo =
                new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        assertNames(discoverError(), name, "cannot read: it is a named pipe (FIFO), not a regular file");
        var chosen = assertThrows(ConfigException.class, () -> ConfigLoader.load(fifo));
        assertNames(chosen, name, "cannot read: it is a named pipe (FIFO), not a regular file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hum.yaml", "hum.json", "package.json", "Procfile"})
    @Timeout(60) // only ends a hang: /dev/zero never ends
    void discover_linkToDevZeroIsRefused(String name) throws IOException {
        Files.createSymbolicLink(dir.resolve(name), Path.of("/dev/zero"));
        assertNames(
                discoverError(),
                name,
                "cannot read: it is a link to /dev/zero, a character device, not a regular file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hum.yaml", "hum.json", "package.json", "Procfile"})
    void discover_brokenLinkIsAnErrorNotTheDemo(String name) throws IOException {
        Files.createSymbolicLink(dir.resolve(name), dir.resolve("gone"));
        assertNames(discoverError(), name, "cannot read: a link to " + dir.resolve("gone") + " that does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hum.yaml", "hum.json", "package.json", "Procfile"})
    void discover_hugeFileIsRefusedWithItsSize(String name) throws IOException {
        long size = ConfigFile.MAX_BYTES + 1L;
        try (var file = new RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
            file.setLength(size); // sparse: no 4 MiB written
        }
        assertNames(
                discoverError(),
                name,
                "cannot read: it is " + size + " bytes, more than the 4 MiB a configuration may be");
    }

    @Test
    void discover_dotEnvBesideAProcfileIsCheckedToo() throws IOException {
        Files.writeString(dir.resolve("Procfile"), "web: x\n");
        Files.createDirectory(dir.resolve(".env"));
        assertNames(discoverError(), ".env", "cannot read: it is a folder, not a file");
        Files.delete(dir.resolve(".env"));
        Files.createSymbolicLink(dir.resolve(".env"), dir.resolve("gone"));
        assertNames(discoverError(), ".env", "cannot read: a link to " + dir.resolve("gone") + " that does not exist");
    }

    @Test
    void discover_fileOfExactlyTheLimitIsRead() throws Exception {
        String line = "processes: {web: {cmd: x}}\n";
        String text = line + "#".repeat(ConfigFile.MAX_BYTES - line.length() - 1) + "\n";
        Files.writeString(dir.resolve("hum.yaml"), text);
        assertEquals(Origin.HUM_FILE, ConfigLoader.discover(dir).origin());
    }
}
