package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProcfileTest {
    @TempDir
    Path dir;

    private final ConfigFile procfile = new ConfigFile(Path.of("Procfile"), "Procfile");
    private final ConfigFile dotEnv = new ConfigFile(Path.of(".env"), ".env");

    @Test
    void parse_linesCommentsAndBlanks() throws ConfigException {
        var config = Procfile.parse(
                procfile,
                "# services\n\nweb: bundle exec rails s -p $PORT\nworker:   sidekiq -q a:b \n",
                Map.of("A", "1"));
        assertEquals(Origin.PROCFILE, config.origin());
        assertEquals(
                List.of("web", "worker"),
                config.processes().stream().map(ProcessSpec::name).toList());
        ProcessSpec worker = config.processes().get(1);
        assertEquals(new Command.Shell("sidekiq -q a:b"), worker.command());
        assertTrue(worker.autostart());
        assertEquals(Map.of("A", "1"), worker.env());
    }

    @Test
    void parse_badLinesNameTheLine() {
        assertEquals(
                "Procfile:2: expected 'name: command', found 'just a command'",
                procfileError("web: x\njust a command\n"));
        assertEquals("Procfile:1: expected 'name: command', found 'web:'", procfileError("web:   \n"));
        assertEquals("Procfile:1: expected 'name: command', found ': x'", procfileError(": x\n"));
        assertEquals("Procfile:3: duplicate process name 'web'; first on line 1", procfileError("web: a\n\nweb: b\n"));
        assertEquals("Procfile: no processes; expected 'name: command' lines", procfileError("# nothing\n"));
        var e = assertThrows(ConfigException.class, () -> Procfile.parse(procfile, "x\n", Map.of()));
        assertEquals(1, e.line());
        assertEquals(0, e.column());
    }

    private String procfileError(String text) {
        return assertThrows(ConfigException.class, () -> Procfile.parse(procfile, text, Map.of()))
                .getMessage();
    }

    @Test
    void dotEnv_quotesExportCommentsAndBlanks() throws ConfigException {
        String text =
                """
                # settings for dev
                export PORT=3000
                NAME = shop # the app
                SINGLE='it is $literal # not a comment'
                DOUBLE="line1\\nline2 \\"quoted\\" \\\\ \\$HOME"
                EMPTY=
                HASH=a#b
                   INDENTED=yes
                PORT=4000
                """;
        Map<String, String> env = DotEnv.parse(dotEnv, text);
        assertEquals(
                List.of("PORT", "NAME", "SINGLE", "DOUBLE", "EMPTY", "HASH", "INDENTED"), List.copyOf(env.keySet()));
        assertEquals("4000", env.get("PORT"));
        assertEquals("shop", env.get("NAME"));
        assertEquals("it is $literal # not a comment", env.get("SINGLE"));
        assertEquals("line1\nline2 \"quoted\" \\ $HOME", env.get("DOUBLE"));
        assertEquals("", env.get("EMPTY"));
        assertEquals("a#b", env.get("HASH"));
        assertEquals("yes", env.get("INDENTED"));
    }

    @Test
    void dotEnv_badLinesNameTheLine() {
        assertEquals(".env:2: expected KEY=VALUE, found 'oops'", dotEnvError("A=1\noops\n"));
        assertEquals(".env:1: expected KEY=VALUE, found '1A=2'", dotEnvError("1A=2\n"));
        assertEquals(".env:1: unterminated double quote", dotEnvError("A=\"abc\n"));
        assertEquals(".env:1: unterminated single quote", dotEnvError("A='abc\n"));
        assertEquals(".env:1: unexpected text after the closing quote: 'b'", dotEnvError("A='a' b\n"));
    }

    private String dotEnvError(String text) {
        return assertThrows(ConfigException.class, () -> DotEnv.parse(dotEnv, text))
                .getMessage();
    }

    @Test
    void load_readsDotEnvBesideProcfile() throws Exception {
        Files.writeString(dir.resolve("Procfile"), "web: echo $GREETING\napi: true\n");
        Files.writeString(dir.resolve(".env"), "GREETING='hello there'\n");
        var config = Procfile.load(ConfigFile.of(dir.resolve("Procfile")));
        for (ProcessSpec spec : config.processes()) {
            assertEquals(Map.of("GREETING", "hello there"), spec.env());
            assertEquals(dir.toAbsolutePath().normalize(), spec.cwd());
        }
    }
}
