package dev.hum.config;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated and random texts must give a configuration or a ConfigException, never anything else. */
final class FuzzTest {
    @TempDir
    Path dir;

    private static final List<String> SEEDS = List.of(
            HumFileTest.YAML,
            HumFileTest.JSON,
            "processes:\n  a:\n    cmd: |\n      echo x\n    env:\n      A: 1\n",
            "x: &a {b: 1}\nprocesses: *a\n",
            "processes: {a: {cmd: [x, y], stop_timeout: 1m30s, stop_signal: SIGHUP}}\nsettings: {fps: 240}\n");
    private static final String ALPHABET = "{}[]:,'\"-#&*!|>?%@`\n\t \\~0123456789abcdexyz.processescmdenvcwd";

    @Test
    void parse_mutatedTextsOnlyThrowConfigException() {
        var random = new Random(20240611L);
        for (int i = 0; i < 4000; i++) {
            String text = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            for (TreeReader.Syntax syntax : TreeReader.Syntax.values()) {
                check(text, syntax);
            }
        }
    }

    @Test
    void parse_randomTextsOnlyThrowConfigException() {
        var random = new Random(7L);
        for (int i = 0; i < 2000; i++) {
            var sb = new StringBuilder();
            int length = random.nextInt(80);
            for (int j = 0; j < length; j++) {
                sb.append(
                        random.nextInt(20) == 0
                                ? (char) random.nextInt(0x3000)
                                : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            check(sb.toString(), TreeReader.Syntax.YAML);
            check(sb.toString(), TreeReader.Syntax.JSON);
        }
    }

    private void check(String text, TreeReader.Syntax syntax) {
        var file = new ConfigFile(dir.resolve("hum.yaml"), "hum.yaml");
        try {
            HumFile.parse(file, text, syntax);
            PackageJson.parse(file, text);
            Procfile.parse(file, text, java.util.Map.of());
            DotEnv.parse(file, text);
        } catch (ConfigException expected) {
            // The only acceptable failure.
        } catch (RuntimeException | StackOverflowError e) {
            fail("input " + quote(text) + " threw " + e, e);
        }
    }

    private static String mutate(String seed, Random random) {
        var sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> sb.setLength(at);
            }
        }
        return sb.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
