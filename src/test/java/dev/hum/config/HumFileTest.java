package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class HumFileTest {
    @TempDir
    Path dir;

    @BeforeEach
    void makeFolders() throws IOException {
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("notes.txt"), "not a folder");
    }

    static final String YAML =
            """
            processes:
              web:
                cmd: npm run dev
                cwd: web
                env: { PORT: "3000", DEBUG: true, RATIO: 1.5, COUNT: 7 }
                autostart: false
                stop_signal: SIGINT
                stop_timeout: 1m30s
              api:
                cmd: [node, server.js, "--port", 8080]
            settings:
              scrollback: 5000
              fps: 60
            """;

    static final String JSON =
            """
            {
              "processes": {
                "web": {
                  "cmd": "npm run dev",
                  "cwd": "web",
                  "env": {"PORT": "3000", "DEBUG": true, "RATIO": 1.5, "COUNT": 7},
                  "autostart": false,
                  "stop_signal": "SIGINT",
                  "stop_timeout": "1m30s"
                },
                "api": {"cmd": ["node", "server.js", "--port", 8080]}
              },
              "settings": {"scrollback": 5000, "fps": 60}
            }
            """;

    private ProjectConfig yaml(String text) throws ConfigException {
        return HumFile.parse(new ConfigFile(dir.resolve("hum.yaml"), "hum.yaml"), text, TreeReader.Syntax.YAML);
    }

    private ProjectConfig json(String text) throws ConfigException {
        return HumFile.parse(new ConfigFile(dir.resolve("hum.json"), "hum.json"), text, TreeReader.Syntax.JSON);
    }

    private String yamlError(String text) {
        return assertThrows(ConfigException.class, () -> yaml(text)).getMessage();
    }

    @Test
    void parse_fullYaml() throws ConfigException {
        ProjectConfig config = yaml(YAML);
        assertEquals(Origin.HUM_FILE, config.origin());
        assertEquals(dir.resolve("hum.yaml"), config.source());
        assertEquals(new Settings(5000, 60), config.settings());
        assertEquals(
                List.of("web", "api"),
                config.processes().stream().map(ProcessSpec::name).toList());

        ProcessSpec web = config.processes().get(0);
        assertEquals(new Command.Shell("npm run dev"), web.command());
        assertEquals(List.of("/bin/sh", "-c", "npm run dev"), web.command().argv());
        assertEquals(dir.resolve("web").toAbsolutePath().normalize(), web.cwd());
        assertEquals(Map.of("PORT", "3000", "DEBUG", "true", "RATIO", "1.5", "COUNT", "7"), web.env());
        assertEquals(
                List.of("PORT", "DEBUG", "RATIO", "COUNT"),
                List.copyOf(web.env().keySet()));
        assertFalse(web.autostart());
        assertEquals(StopSignal.INT, web.stopSignal());
        assertEquals(Duration.ofSeconds(90), web.stopTimeout());

        ProcessSpec api = config.processes().get(1);
        assertEquals(new Command.Argv(List.of("node", "server.js", "--port", "8080")), api.command());
        assertEquals("node server.js --port 8080", api.command().display());
        assertEquals(dir.toAbsolutePath().normalize(), api.cwd());
        assertEquals(Map.of(), api.env());
        assertTrue(api.autostart());
        assertEquals(StopSignal.TERM, api.stopSignal());
        assertEquals(Duration.ofSeconds(5), api.stopTimeout());
    }

    @Test
    void parse_jsonEquivalentToYaml() throws ConfigException {
        assertEquals(yaml(YAML).processes(), json(JSON).processes());
        assertEquals(yaml(YAML).settings(), json(JSON).settings());
    }

    @Test
    void parse_defaultSettingsWhenAbsent() throws ConfigException {
        assertEquals(Settings.DEFAULTS, yaml("processes: {a: {cmd: x}}").settings());
        assertEquals(
                new Settings(100_000, 30),
                yaml("processes: {a: {cmd: x}}\nsettings:\n").settings());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # text (\\n = newline)                                | message
            processes:\\n  web:\\n    cmdd: x                     | hum.yaml:3:5: unknown key 'cmdd' under processes.web; did you mean 'cmd'?
            processes:\\n  web:\\n    cmd: x\\n    stop_timout: 1s | hum.yaml:4:5: unknown key 'stop_timout' under processes.web; did you mean 'stop_timeout'?
            proceses:\\n  web: {cmd: x}                           | hum.yaml:1:1: unknown key 'proceses'; did you mean 'processes'?
            processes: {web: {cmd: x, command: y}}                | hum.yaml:1:27: unknown key 'command' under processes.web; did you mean 'cmd'?
            processes: {web: {cmd: x, zzz: y}}                    | hum.yaml:1:27: unknown key 'zzz' under processes.web; expected one of cmd, cwd, env, env_file, autostart, stop_signal, stop_timeout, ready, depends_on, restart, max_restarts, backoff, log_file
            processes: {web: {cmd: x}}\\nsettings: {fsp: 3}       | hum.yaml:2:12: unknown key 'fsp' under settings; did you mean 'fps'?
            processes: {web: {cmd: x, autostart: yes-please}}     | hum.yaml:1:38: expected true or false, found 'yes-please'
            processes: {web: {cmd: {a: 1}}}                       | hum.yaml:1:24: expected a string or a list of strings, found a map
            processes: []                                         | hum.yaml:1:12: expected a map of process names to processes, found a list
            processes: {}                                         | hum.yaml:1:12: no processes; expected at least one under 'processes'
            processes:                                            | hum.yaml:1:1: no processes; expected at least one under 'processes'
            settings: {fps: 3}                                    | hum.yaml:1:1: missing 'processes'; expected a map of process names to processes
            ''                                                    | hum.yaml:1:1: empty configuration; expected a map with 'processes'
            - a                                                   | hum.yaml:1:1: expected a map with 'processes' and optionally 'settings', found a list
            processes:\\n  web: {cmd: x}\\n  web: {cmd: y}        | hum.yaml:3:3: duplicate process name 'web'; first defined on line 2
            processes: {web: {cmd: x, cmd: y}}                    | hum.yaml:1:27: duplicate key 'cmd' under processes.web; first on line 1
            processes:\\n  web: {cwd: web}                        | hum.yaml:2:3: missing 'cmd' under processes.web; expected the command to run
            processes: {web: {cmd: ''}}                           | hum.yaml:1:24: empty 'cmd'; expected a command to run
            processes: {web: {cmd: '   '}}                        | hum.yaml:1:24: empty 'cmd'; expected a command to run
            processes: {web: {cmd: []}}                           | hum.yaml:1:24: empty 'cmd'; expected a program and its arguments
            processes: {web: {cmd: ['', a]}}                      | hum.yaml:1:25: empty program name in 'cmd'
            processes: {web: {cmd: [a, {b: 1}]}}                  | hum.yaml:1:28: expected a string in the 'cmd' list, found a map
            processes: {web: {cmd: x, stop_timeout: 0s}}          | hum.yaml:1:41: stop_timeout must be more than zero
            processes: {web: {cmd: x, stop_timeout: -5s}}         | hum.yaml:1:41: expected a duration like 500ms, 5s, 1m or 1m30s, found '-5s'
            processes: {web: {cmd: x, stop_timeout: 5}}           | hum.yaml:1:41: expected a duration like 500ms, 5s, 1m or 1m30s, found 5
            processes: {web: {cmd: x, stop_timeout: 25h}}         | hum.yaml:1:41: stop_timeout must be at most 24h
            processes: {web: {cmd: x, stop_signal: STOP}}         | hum.yaml:1:40: unknown signal 'STOP'; expected one of TERM, INT, HUP, QUIT, KILL, USR1, USR2
            processes: {web: {cmd: x}}\\nsettings: {fps: 0}       | hum.yaml:2:17: fps must be between 1 and 240, found 0
            processes: {web: {cmd: x}}\\nsettings: {fps: 241}     | hum.yaml:2:17: fps must be between 1 and 240, found 241
            processes: {web: {cmd: x}}\\nsettings: {fps: '30'}    | hum.yaml:2:17: expected a whole number for fps, found '30'
            processes: {web: {cmd: x}}\\nsettings:\\n  scrollback: 10000001 | hum.yaml:3:15: scrollback must be between 1 and 10000000, found 10000001
            processes: {web: {cmd: x}}\\nsettings:\\n  scrollback: 99999999999999999999 | hum.yaml:3:15: scrollback must be between 1 and 10000000, found 99999999999999999999
            processes: {web: {cmd: x}}\\nsettings: []             | hum.yaml:2:11: expected a map with 'scrollback' and/or 'fps', found a list
            processes: {web: {cmd: x, cwd: nowhere}}              | hum.yaml:1:32: folder 'nowhere' does not exist
            processes: {web: {cmd: x, cwd: notes.txt}}            | hum.yaml:1:32: 'notes.txt' is not a folder
            processes: {web: {cmd: x, env: [a]}}                  | hum.yaml:1:32: expected a map of variable names to values, found a list
            processes: {web: {cmd: x, env: {A: {b: 1}}}}          | hum.yaml:1:36: expected a string, number or boolean for A, found a map
            processes: {web: {cmd: x, env: {A: }}}                | hum.yaml:1:35: expected a string, number or boolean for A, found nothing
            processes: {web: x}                                   | hum.yaml:1:18: expected a map with 'cmd' for process 'web', found 'x'
            processes: {'my web': {cmd: x}}                       | hum.yaml:1:13: invalid process name 'my web'; use letters, digits and . _ : @ / + - (not starting with -)
            processes: {'-x': {cmd: x}}                           | hum.yaml:1:13: invalid process name '-x'; use letters, digits and . _ : @ / + - (not starting with -)
            processes: {web: {cmd: x}}\\n---\\nprocesses: {}      | hum.yaml:3:1: expected one document, found more after it
            processes: [1,\\n  b: 2                               | hum.yaml:2:7: YAML syntax error: expected ',' or ']', but got <stream end>
            a: b: c                                               | hum.yaml:1:5: YAML syntax error: mapping values are not allowed here
            """)
    void parse_errorNamesPosition(String text, String message) {
        String actual = yamlError(text.replace("\\n", "\n"));
        // The folder errors end with the absolute path in parentheses, which depends on the temp dir.
        assertEquals(message, actual.replaceFirst(" \\(/.*\\)$", ""));
    }

    @Test
    void parse_jsonErrorsHavePositions() {
        var e = assertThrows(ConfigException.class, () -> json("{\"processes\": {\"web\": {\"cmd\": \"x\",}}}"));
        assertEquals("hum.json", e.file());
        assertEquals(1, e.line());
        assertEquals(35, e.column());
        assertTrue(e.problem().startsWith("JSON syntax error: unexpected character ('}'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        var dup = assertThrows(
                ConfigException.class,
                () -> json("{\"processes\": {\n  \"web\": {\"cmd\": \"x\"},\n  \"web\": {\"cmd\": \"y\"}}}"));
        assertEquals("hum.json:3:3: duplicate process name 'web'; first defined on line 2", dup.getMessage());

        var type = assertThrows(ConfigException.class, () -> json("{\"processes\": {\"web\": {\"cmd\": {}}}}"));
        assertEquals("hum.json:1:31: expected a string or a list of strings, found a map", type.getMessage());
    }

    @Test
    void parse_numbersAndBooleansInCmdBecomeText() throws ConfigException {
        assertEquals(
                new Command.Shell("42"),
                yaml("processes: {a: {cmd: 42}}").processes().get(0).command());
        assertEquals(
                List.of("sleep", "5"),
                yaml("processes: {a: {cmd: [sleep, 5]}}")
                        .processes()
                        .get(0)
                        .command()
                        .argv());
    }

    @Test
    void parse_multiLineScriptKeptVerbatim() throws ConfigException {
        var spec = yaml("processes:\n  a:\n    cmd: |\n      echo one\n      echo two\n")
                .processes()
                .get(0);
        assertEquals(new Command.Shell("echo one\necho two\n"), spec.command());
        assertEquals("echo one …", spec.command().display());
    }

    @Test
    void parse_cwdAbsoluteAndDotDotNormalised() throws ConfigException {
        var spec = yaml("processes: {a: {cmd: x, cwd: 'web/../web/.'}}")
                .processes()
                .get(0);
        assertEquals(dir.resolve("web").toAbsolutePath().normalize(), spec.cwd());
        var abs = yaml("processes: {a: {cmd: x, cwd: '" + dir.resolve("web") + "'}}")
                .processes()
                .get(0);
        assertEquals(dir.resolve("web").toAbsolutePath().normalize(), abs.cwd());
    }

    @Test
    void parse_deepNestingIsAPositionedErrorInHumsWords() {
        // Far past Jackson's own limit (500), whose message named StreamReadConstraints and no position.
        String deepYaml = "processes:\n  web:\n    cmd: " + "[".repeat(600) + "]".repeat(600) + "\n";
        var yamlError = assertThrows(ConfigException.class, () -> yaml(deepYaml));
        assertEquals("hum.yaml:3:107: nested too deeply (more than 100 levels)", yamlError.getMessage());

        String deepJson = "{\"processes\": {\"web\": {\"env\": " + "{\"a\": ".repeat(600) + "1" + "}".repeat(603);
        var jsonError = assertThrows(ConfigException.class, () -> json(deepJson));
        assertEquals(
                "hum.json:1:" + (31 + 6 * 97) + ": nested too deeply (more than 100 levels)", jsonError.getMessage());
    }

    @Test
    void parse_jacksonLimitsArePositionedAndNameNoJavaClass() {
        String longNumber = "1".repeat(1001);
        var e = assertThrows(
                ConfigException.class,
                () -> yaml("processes: {web: {cmd: x}}\nsettings:\n  fps: " + longNumber + "\n"));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
        assertEquals("too large: number value length (1001) exceeds the maximum allowed (1000)", e.problem());
    }
}
