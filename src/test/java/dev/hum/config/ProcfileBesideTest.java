package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Procfile beside package.json is named, with the command that runs it, never silently passed over. */
final class ProcfileBesideTest {

    @TempDir
    Path dir;

    @Test
    void discover_packageJsonWithProcfilesNamesEachOne() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"scripts\": {\"start\": \"react-scripts start\"}}");
        Files.writeString(dir.resolve("Procfile.dev"), "web: npm start\napi: node server.js\n");
        Files.writeString(dir.resolve("Procfile"), "web: node server.js\n");

        ProjectConfig config = ConfigLoader.discover(dir);
        assertEquals(Origin.PACKAGE_JSON, config.origin());
        Path here = Path.of("").toAbsolutePath();
        assertEquals(
                List.of(
                        "also found Procfile: hum -c " + here.relativize(dir.resolve("Procfile")),
                        "also found Procfile.dev: hum -c " + here.relativize(dir.resolve("Procfile.dev"))),
                config.notices());
    }

    @Test
    void load_procfileDevIsReadAsAProcfile() throws Exception {
        Path file = Files.writeString(dir.resolve("Procfile.dev"), "web: npm start\napi: node server.js\n");
        ProjectConfig config = ConfigLoader.load(file);
        assertEquals(Origin.PROCFILE, config.origin());
        assertEquals(
                List.of("web", "api"),
                config.processes().stream().map(ProcessSpec::name).toList());
    }

    @Test
    void discover_onlyAProcfileDevIsNamedBesideTheDemo() throws Exception {
        Files.writeString(dir.resolve("Procfile.dev"), "web: npm start\n");
        ProjectConfig config = ConfigLoader.discover(dir);
        assertEquals(Origin.DEMO, config.origin());
        assertEquals(1, config.notices().size());
    }
}
