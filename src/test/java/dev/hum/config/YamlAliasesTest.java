package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** YAML anchors, aliases and merge keys: expanded to what they stand for, or refused where written. */
final class YamlAliasesTest {
    @TempDir
    Path dir;

    private ProjectConfig yaml(String text) throws ConfigException {
        return HumFile.parse(new ConfigFile(dir.resolve("hum.yaml"), "hum.yaml"), text, TreeReader.Syntax.YAML);
    }

    private String yamlError(String text) {
        return assertThrows(ConfigException.class, () -> yaml(text)).getMessage();
    }

    private static ProcessSpec process(ProjectConfig config, String name) {
        return config.process(name).orElseThrow();
    }

    @Test
    void parse_aliasOfAScalarIsTheAnchoredValueNotItsName() throws ConfigException {
        ProjectConfig config = yaml(
                """
                processes:
                  web:
                    cmd: &c node server.js
                    env: {PORT: &port 3000}
                  api:
                    cmd: *c
                    env: {OTHER: *port}
                """);
        assertEquals(new Command.Shell("node server.js"), process(config, "api").command());
        assertEquals(Map.of("OTHER", "3000"), process(config, "api").env());
    }

    @Test
    void parse_aliasOfAMapOrListIsTheWholeValue() throws ConfigException {
        ProjectConfig config = yaml(
                """
                processes:
                  web:
                    cmd: &argv [node, server.js, --port, 3000]
                    env: &env {A: 1, B: two}
                  api:
                    cmd: *argv
                    env: *env
                """);
        ProcessSpec api = process(config, "api");
        assertEquals(new Command.Argv(List.of("node", "server.js", "--port", "3000")), api.command());
        assertEquals(Map.of("A", "1", "B", "two"), api.env());
        assertEquals(List.of("A", "B"), List.copyOf(api.env().keySet()));
    }

    @Test
    void parse_mergeKeyInheritsWhatTheMapDoesNotSetItself() throws ConfigException {
        ProjectConfig config = yaml(
                """
                processes:
                  web: &base
                    cmd: node web.js
                    stop_signal: SIGINT
                    stop_timeout: 10s
                    env: {NODE_ENV: development}
                  api:
                    <<: *base
                    cmd: node api.js
                  worker:
                    stop_timeout: 1s
                    <<: [*base, {autostart: false, stop_timeout: 3s}]
                """);
        ProcessSpec api = process(config, "api");
        assertEquals(new Command.Shell("node api.js"), api.command());
        assertEquals(StopSignal.INT, api.stopSignal());
        assertEquals(Duration.ofSeconds(10), api.stopTimeout());
        assertEquals(Map.of("NODE_ENV", "development"), api.env());

        ProcessSpec worker = process(config, "worker");
        assertEquals(new Command.Shell("node web.js"), worker.command());
        assertEquals(Duration.ofSeconds(1), worker.stopTimeout(), "the map's own key wins, wherever it is");
        assertEquals(false, worker.autostart(), "a later merged map adds what the earlier ones lack");
    }

    @Test
    void parse_errorInsideAnAliasPointsAtTheAlias() {
        assertEquals(
                "hum.yaml:5:19: expected a duration like 500ms, 5s, 1m or 1m30s, found 5",
                yamlError(
                        """
                        processes:
                          web:
                            cmd: &five 5
                          api: {cmd: x,
                            stop_timeout: *five}
                        """));
    }

    @Test
    void parse_unknownAliasIsAnErrorWhereItIsWritten() {
        assertEquals(
                "hum.yaml:3:10: unknown alias *nowhere; no '&nowhere' before it",
                yamlError("processes:\n  web:\n    cmd: *nowhere\n"));
        // An anchor must come before its alias, as in every YAML reader.
        assertEquals(
                "hum.yaml:1:30: unknown alias *late; no '&late' before it",
                yamlError("processes: {a: {cmd: x, env: *late}, b: {cmd: y, env: &late {A: 1}}}"));
    }

    @Test
    void parse_aliasInsideItsOwnAnchorIsAnError() {
        assertEquals(
                "hum.yaml:1:28: alias *self is inside the value it names; a value cannot contain itself",
                yamlError("processes: &self {a: {cmd: *self}}"));
    }

    @Test
    @Timeout(60) // ends a hang; the bound, not the clock, is what is tested
    void parse_aliasBombIsRefusedAtTheAliasThatPassesTheBound() {
        // Nine levels of ten: a billion laughs if expanded; the bound stops it after 10,000 values.
        var text = new StringBuilder("processes:\n  a:\n    cmd: x\n    env:\n");
        text.append("      L0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 9; i++) {
            String p = "*l" + (i - 1);
            text.append("      L")
                    .append(i)
                    .append(": &l")
                    .append(i)
                    .append(" [")
                    .append(String.join(", ", List.of(p, p, p, p, p, p, p, p, p, p)))
                    .append("]\n");
        }
        String message = yamlError(text.toString());
        assertEquals(
                "hum.yaml:8:51: aliases expand to more than 10000 values; write the repeated parts out, or repeat less",
                message);
    }

    @Test
    void parse_mergeOfSomethingOtherThanAMapIsAnError() {
        assertEquals(
                "hum.yaml:3:9: '<<' merges a map, or a list of maps, into this one (like <<: *base); found 'x'",
                yamlError("processes:\n  web:\n    <<: x\n    cmd: y\n"));
        assertEquals(
                "hum.yaml:1:28: '<<' merges a map, or a list of maps, into this one (like <<: *base); found 'a'",
                yamlError("processes: {web: {cmd: &l [a], <<: *l}}"));
    }

    @Test
    void parse_aliasAsAKeyIsASyntaxErrorInHumsWords() {
        assertEquals(
                "hum.yaml:3:5: YAML syntax error: an alias (*name) cannot be a key",
                yamlError("processes:\n  &n web: {cmd: x}\n  *n : {cmd: y}\n"));
    }

    @Test
    void parse_anchorWithoutAliasChangesNothing() throws ConfigException {
        ProjectConfig config = yaml("processes:\n  web: &w\n    cmd: &c echo '*not an alias*'\n");
        assertEquals(
                new Command.Shell("echo '*not an alias*'"),
                process(config, "web").command());
    }

    @Test
    void parse_syntaxErrorSeenFirstByTheAnchorPassReadsAsWithoutAliases() {
        // With a '*' the engine's own pass meets the error before Jackson does; the message must not change.
        for (String broken : List.of("a: b: c", "processes: [1, }", "- a\nb: c")) {
            assertEquals(yamlError(broken + "\n# x"), yamlError(broken + "\n# *x"), broken);
        }
    }
}
