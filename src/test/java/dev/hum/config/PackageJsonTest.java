package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PackageJsonTest {
    @TempDir
    Path dir;

    private static final String SCRIPTS =
            """
            {
              "name": "shop",
              "scripts": {"dev": "vite", "build": "vite build", "test:e2e": "playwright test"}
            }
            """;

    private Optional<ProjectConfig> parse(String text) throws ConfigException {
        return PackageJson.parse(new ConfigFile(dir.resolve("package.json"), "package.json"), text);
    }

    @Test
    void parse_scriptsInOrderRunThroughNpmAndDoNotAutostart() throws ConfigException {
        ProjectConfig config = parse(SCRIPTS).orElseThrow();
        assertEquals(Origin.PACKAGE_JSON, config.origin());
        assertEquals(
                List.of("dev", "build", "test:e2e"),
                config.processes().stream().map(ProcessSpec::name).toList());
        ProcessSpec dev = config.processes().get(0);
        assertEquals(new Command.Argv(List.of("npm", "run", "dev")), dev.command());
        assertFalse(dev.autostart());
        assertEquals(dir.toAbsolutePath().normalize(), dev.cwd());
        assertTrue(dev.env().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"bun.lock, bun", "bun.lockb, bun", "pnpm-lock.yaml, pnpm", "yarn.lock, yarn", "package-lock.json, npm"})
    void parse_lockfileChoosesPackageManager(String lockfile, String pm) throws Exception {
        Files.writeString(dir.resolve(lockfile), "");
        assertEquals(
                List.of(pm, "run", "dev"),
                parse(SCRIPTS).orElseThrow().processes().get(0).command().argv());
    }

    @Test
    void parse_lockfilePriorityFollowsDesignOrder() throws IOException, ConfigException {
        Files.writeString(dir.resolve("package-lock.json"), "");
        Files.writeString(dir.resolve("yarn.lock"), "");
        assertEquals(
                "yarn",
                parse(SCRIPTS).orElseThrow().processes().get(0).command().argv().get(0));
        Files.writeString(dir.resolve("pnpm-lock.yaml"), "");
        assertEquals(
                "pnpm",
                parse(SCRIPTS).orElseThrow().processes().get(0).command().argv().get(0));
        Files.writeString(dir.resolve("bun.lockb"), "");
        assertEquals(
                "bun",
                parse(SCRIPTS).orElseThrow().processes().get(0).command().argv().get(0));
    }

    @ParameterizedTest
    @CsvSource({"pnpm@9.1.0, pnpm", "yarn@4.1.1+sha224.abc, yarn", "bun@1.1.0, bun", "npm@10.2.0, npm", "deno@2, yarn"})
    void parse_packageManagerFieldWinsOverLockfiles(String field, String pm) throws Exception {
        Files.writeString(dir.resolve("yarn.lock"), "");
        String text = "{\"packageManager\": \"" + field + "\", \"scripts\": {\"dev\": \"vite\"}}";
        assertEquals(
                pm,
                parse(text).orElseThrow().processes().get(0).command().argv().get(0));
    }

    @Test
    void parse_noOrEmptyScriptsIsEmpty() throws ConfigException {
        assertEquals(Optional.empty(), parse("{\"name\": \"x\"}"));
        assertEquals(Optional.empty(), parse("{\"scripts\": {}}"));
        assertEquals(Optional.empty(), parse("{\"scripts\": null}"));
    }

    @Test
    void parse_errorsAreLocated() {
        assertEquals(
                "package.json:2:1: JSON syntax error: unexpected end-of-input: expected close marker for Object",
                error("{\n"));
        assertEquals(
                "package.json:1:31: expected a string command for script 'b', found 5",
                error("{\"scripts\": {\"dev\": \"x\", \"b\": 5}}"));
        assertEquals(
                "package.json:1:13: expected an object of script names to commands in 'scripts', found a list",
                error("{\"scripts\": [\"dev\"]}"));
        assertEquals("package.json:1:1: expected a JSON object, found a list", error("[1]"));
        assertEquals(
                "package.json:2:3: duplicate script 'dev'; first on line 1",
                error("{\"scripts\": {\"dev\": \"x\",\n  \"dev\": \"y\"}}"));
    }

    @Test
    void parse_scriptNameWithASpaceIsAProcessOfThatName() throws ConfigException {
        ProjectConfig config = parse("{\"scripts\": {\"dev\": \"vite\", \"weird name\": \"echo hi\", \"-x\": \"y\"}}")
                .orElseThrow();
        assertEquals(
                List.of("dev", "weird name", "-x"),
                config.processes().stream().map(ProcessSpec::name).toList());
        assertEquals(
                new Command.Argv(List.of("npm", "run", "weird name")),
                config.process("weird name").orElseThrow().command());
        assertEquals(List.of(), config.notices());
    }

    @Test
    void parse_scriptThatCannotBeAProcessIsLeftOutWithAPositionedNotice() throws ConfigException {
        String text = "{\"scripts\": {\n"
                + "  \"dev\": \"vite\",\n"
                + "  \"beep\\u0007\": \"x\",\n"
                + "  \"rtl\\u202Eevil\": \"x\",\n"
                + "  \" padded\": \"x\",\n"
                + "  \"" + "n".repeat(65) + "\": \"x\",\n"
                + "  \"build\": \"vite build\"}}";
        ProjectConfig config = parse(text).orElseThrow();
        assertEquals(
                List.of("dev", "build"),
                config.processes().stream().map(ProcessSpec::name).toList());
        assertEquals(
                List.of(
                        "package.json:3:3: left out script 'beep\\x07': its name has the invisible character U+0007",
                        "package.json:4:3: left out script 'rtl\\u202Eevil': its name has the invisible character U+202E",
                        "package.json:5:3: left out script ' padded': its name starts or ends with a space",
                        "package.json:6:3: left out script '" + "n".repeat(65)
                                + "': its name is longer than 64 characters"),
                config.notices());
    }

    @Test
    void parse_whenEveryScriptIsLeftOutThatIsAnError() {
        assertEquals(
                "package.json:1:14: no script hum can run; left out script '\\x1b[2J': its name has the invisible"
                        + " character U+001B (and 1 more like it)",
                error("{\"scripts\": {\"\\u001b[2J\": \"x\", \"\": \"y\"}}"));
    }

    private String error(String text) {
        return assertThrows(ConfigException.class, () -> parse(text)).getMessage();
    }
}
