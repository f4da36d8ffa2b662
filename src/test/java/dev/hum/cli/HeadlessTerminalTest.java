package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.OutputDecoder;
import dev.hum.log.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hum --headless} with a terminal as its output (colour on): every shape of styled line keeps
 * all its text and each character's style, read back from a real pseudo-terminal, not a pipe.
 */
final class HeadlessTerminalTest {

    /** Each shape as the child prints it, with {@code \033} for ESC. */
    private static final Map<String, String> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("before", "plain abc \\033[33mdef\\033[39m ghi");
        SHAPES.put("atstart", "\\033[31mred\\033[0m then plain");
        SHAPES.put("middle", "a \\033[32mgreen\\033[0m b");
        SHAPES.put("atend", "tail \\033[34mblue");
        SHAPES.put("background", "x \\033[41mbg\\033[49m y");
        SHAPES.put("bold", "Plugin: \\033[1mvite:react-babel\\033[22m end");
        SHAPES.put("reset", "\\033[35mm1 \\033[0mplain \\033[36mc");
        SHAPES.put(
                "runs", "p \\033[31mr\\033[32mg\\033[0m q \\033[1;34mbb\\033[0m z \\033[38;5;202mi\\033[38;2;1;2;3mj");
        SHAPES.put("whole", "\\033[33mall of it\\033[0m");
    }

    @TempDir
    Path dir;

    @Test
    void headlessOnTerminal_keepsEveryStyledLineShape() throws Exception {
        StringBuilder procfile = new StringBuilder();
        SHAPES.forEach((name, shape) ->
                procfile.append(name).append(": printf '").append(shape).append("\\n'\n"));
        Files.writeString(dir.resolve("Procfile"), procfile);

        String output;
        try (Pty pty = Pty.open()) {
            Process hum = start(pty);
            StringBuilder seen = new StringBuilder();
            Thread reader = new Thread(
                    () -> {
                        for (String chunk = pty.read(); !chunk.isEmpty(); chunk = pty.read()) {
                            synchronized (seen) {
                                seen.append(chunk);
                            }
                        }
                    },
                    "pty-reader");
            reader.setDaemon(true);
            reader.start();
            assertTrue(hum.waitFor(60, TimeUnit.SECONDS), "hum --headless ends");
            assertEquals(0, hum.exitValue());
            reader.join(TimeUnit.SECONDS.toMillis(60));
            synchronized (seen) {
                output = seen.toString().replace("\r", "");
            }
        }
        assertTrue(output.contains("\033["), "colour is on, as on a terminal:\n" + output);

        List<LogLine> printed = decode(output);
        for (Map.Entry<String, String> shape : SHAPES.entrySet()) {
            LogLine expected = decode(shape.getValue().replace("\\033", "\033")).get(0);
            LogLine line = printed.stream()
                    .filter(l -> l.text().startsWith(shape.getKey() + " ")
                            && l.text().contains(" | "))
                    .filter(l -> !l.text().contains(" | hum: ") && !l.text().contains("exited"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no line of " + shape.getKey() + " in:\n" + output));
            int at = line.text().indexOf(" | ") + 3;
            assertEquals(expected.text(), line.text().substring(at), shape.getKey() + ": every character printed");
            for (int i = 0; i < expected.text().length(); i++) {
                assertEquals(
                        Long.toHexString(expected.styles().styleAt(i)),
                        Long.toHexString(line.styles().styleAt(at + i)),
                        shape.getKey() + ": style of '" + expected.text().charAt(i) + "' at " + i);
            }
        }
    }

    /** The lines as hum itself would read them: text plus each character's parsed style. */
    private static List<LogLine> decode(String text) {
        LogBuffer buffer = new LogBuffer(10_000, 1 << 20);
        OutputDecoder decoder = new OutputDecoder(buffer, Source.STDOUT);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        decoder.feed(bytes, 0, bytes.length);
        decoder.finish();
        return new ArrayList<>(
                buffer.readFrom(buffer.firstSeq(), Integer.MAX_VALUE).lines());
    }

    /** hum on the pty as its controlling terminal, stdout and stderr, as a shell in a terminal window runs it. */
    private Process start(Pty pty) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of("setsid", "--ctty", "env", "--default-signal=HUP,INT,TERM"));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1"));
        command.add(Main.class.getName());
        command.add("--headless");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(pty.slave().toFile())
                .redirectOutput(pty.slave().toFile())
                .redirectError(pty.slave().toFile());
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().remove("NO_COLOR");
        return builder.start();
    }
}
