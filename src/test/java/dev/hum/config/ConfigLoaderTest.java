package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private List<String> names(ProjectConfig config) {
        return config.processes().stream().map(ProcessSpec::name).toList();
    }

    @Test
    void discover_humFileBeatsPackageJsonAndProcfile() throws Exception {
        write("hum.yaml", "processes: {fromyaml: {cmd: x}}");
        write("package.json", "{\"scripts\": {\"fromjson\": \"x\"}}");
        write("Procfile", "fromprocfile: x\n");
        ProjectConfig config = ConfigLoader.discover(dir);
        assertEquals(Origin.HUM_FILE, config.origin());
        assertEquals(List.of("fromyaml"), names(config));
        assertEquals(dir.resolve("hum.yaml"), config.source());
    }

    @Test
    void discover_eachHumFileName() throws Exception {
        write("hum.yml", "processes: {a: {cmd: x}}");
        assertEquals(List.of("a"), names(ConfigLoader.discover(dir)));
        Files.delete(dir.resolve("hum.yml"));
        write("hum.json", "{\"processes\": {\"b\": {\"cmd\": \"x\"}}}");
        assertEquals(List.of("b"), names(ConfigLoader.discover(dir)));
    }

    @Test
    void discover_twoHumFilesIsAnError() throws Exception {
        write("hum.yaml", "processes: {a: {cmd: x}}");
        write("hum.json", "{\"processes\": {\"b\": {\"cmd\": \"x\"}}}");
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.discover(dir));
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "hum.yaml: found [hum.yaml, hum.json] in the same folder; keep one, or choose with -c FILE"),
                e.getMessage());
    }

    @Test
    void discover_packageJsonBeatsProcfile() throws Exception {
        write("package.json", "{\"scripts\": {\"dev\": \"vite\"}}");
        write("Procfile", "web: x\n");
        assertEquals(Origin.PACKAGE_JSON, ConfigLoader.discover(dir).origin());
    }

    @Test
    void discover_packageJsonWithoutScriptsFallsThrough() throws Exception {
        write("package.json", "{\"name\": \"lib\", \"scripts\": {}}");
        write("Procfile", "web: x\n");
        assertEquals(Origin.PROCFILE, ConfigLoader.discover(dir).origin());
        Files.delete(dir.resolve("Procfile"));
        assertEquals(Origin.DEMO, ConfigLoader.discover(dir).origin());
    }

    @Test
    void discover_brokenPackageJsonIsAnErrorEvenWithProcfile() throws Exception {
        write("package.json", "{\"scripts\": {\"dev\": }");
        write("Procfile", "web: x\n");
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.discover(dir));
        assertTrue(e.file().endsWith("package.json"), e.file());
        assertEquals(1, e.line());
        assertEquals(21, e.column());
    }

    @Test
    void discover_missingFolder() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.discover(dir.resolve("nope")));
        assertTrue(e.getMessage().endsWith("nope: not a folder"), e.getMessage());
    }

    @Test
    void load_byExtensionAndName() throws Exception {
        write("dev.yml", "processes: {a: {cmd: x}}");
        write("dev.json", "{\"processes\": {\"a\": {\"cmd\": \"x\"}}}");
        write("package.json", "{\"scripts\": {\"a\": \"x\"}}");
        write("Procfile", "a: x\n");
        write("Procfile.dev", "a: x\n");
        assertEquals(Origin.HUM_FILE, ConfigLoader.load(dir.resolve("dev.yml")).origin());
        assertEquals(Origin.HUM_FILE, ConfigLoader.load(dir.resolve("dev.json")).origin());
        assertEquals(
                Origin.PACKAGE_JSON,
                ConfigLoader.load(dir.resolve("package.json")).origin());
        assertEquals(Origin.PROCFILE, ConfigLoader.load(dir.resolve("Procfile")).origin());
        assertEquals(
                Origin.PROCFILE, ConfigLoader.load(dir.resolve("Procfile.dev")).origin());
    }

    @Test
    void load_problemsWithTheFileItself() throws Exception {
        write("hum.toml", "");
        write("package.json", "{}");
        Files.write(dir.resolve("bad.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
        assertTrue(loadError("missing.yaml").endsWith("missing.yaml: cannot read: no such file"));
        assertTrue(loadError("hum.toml").contains("unknown kind of configuration"));
        assertTrue(loadError("package.json").endsWith("package.json: no scripts to run; expected a 'scripts' object"));
        assertTrue(loadError("bad.yaml").endsWith("bad.yaml: cannot read: not valid UTF-8"));
    }

    private String loadError(String name) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve(name)))
                .getMessage();
    }

    @Test
    void load_namesFileAsGivenOrRelativeWhenShorter() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        Path nested = Files.createTempDirectory(here.resolve("target"), "cfg");
        try {
            Files.writeString(nested.resolve("hum.yaml"), "processes: {web: {cmdd: x}}");
            var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(nested.resolve("hum.yaml")));
            String relative = here.relativize(nested.resolve("hum.yaml")).toString();
            assertEquals(
                    relative + ":1:19: unknown key 'cmdd' under processes.web; did you mean 'cmd'?", e.getMessage());
        } finally {
            Files.deleteIfExists(nested.resolve("hum.yaml"));
            Files.deleteIfExists(nested);
        }
    }

    @Test
    void load_exampleConfigurationIsValid() throws Exception {
        ProjectConfig config = ConfigLoader.load(Path.of("config/hum.example.yaml"));
        assertEquals(List.of("db", "migrate", "api", "web", "worker", "docs"), names(config));
        assertEquals(StopSignal.INT, config.process("api").orElseThrow().stopSignal());
        assertEquals(false, config.process("docs").orElseThrow().autostart());
    }

    @Test
    void load_yamlAndJsonFilesGiveTheSameProcesses() throws Exception {
        Files.createDirectories(dir.resolve("web"));
        write("a.yaml", HumFileTest.YAML);
        write("a.json", HumFileTest.JSON);
        assertEquals(
                ConfigLoader.load(dir.resolve("a.yaml")).processes(),
                ConfigLoader.load(dir.resolve("a.json")).processes());
    }
}
