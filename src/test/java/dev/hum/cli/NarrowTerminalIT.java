package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in an 80×24 tmux window, the size a terminal opens with, in a package.json folder: the first
 * screen says what to press, the key bar shows the way out, the list gives the log most of the width.
 */
final class NarrowTerminalIT {

    private static final Path JAR = Path.of("target", "hum.jar").toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern EXIT = Pattern.compile("EXIT=(\\d+)");

    @TempDir
    Path dir;

    private final String token = "humnarrow-" + UUID.randomUUID().toString().substring(0, 8);
    private Tmux tmux;

    @AfterEach
    void cleanUp() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        for (long pid : TokenScan.find(token)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void dashboard_at80x24ShowsTheWayOutAHintAndAWideLog() throws Exception {
        Assumptions.assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it); skipping");
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run these tests with mvn verify");
        // A fake npm on PATH stands in for the real one: the scripts print a long line and stay up.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = Files.writeString(
                bin.resolve("npm"),
                "#!/bin/sh\necho \"fake-npm-$2-prints-a-line-long-enough-to-need-the-width\"\nexec sleep 300\n");
        assertTrue(npm.toFile().setExecutable(true));
        Files.writeString(
                dir.resolve("package.json"), "{\"scripts\": {\"web\": \"vite\", \"api\": \"node api.js\"}}\n");

        tmux = Tmux.start(dir, 80, 24);
        tmux.typeLine(
                "PATH=" + bin + ":$PATH HUM_TEST_TOKEN=" + token + " " + JAVA + " -jar " + JAR + "; echo \"EXIT=$?\"");
        String first = tmux.await(s -> s.contains("STATUS") && s.contains("start"), "the first frame");
        List<String> rows = first.lines().toList();
        String keys = rows.get(rows.size() - 1);
        assertTrue(keys.contains("? help") && keys.contains("q quit"), "the way out is in view:\n" + first);
        assertTrue(first.contains("nothing printed yet — s starts all 2 processes"), "what to press:\n" + first);

        tmux.keys("s"); // on "all": both scripts
        String running = tmux.await(
                s -> s.contains("fake-npm-api-prints-a-line-long-enough") && s.contains("fake-npm-web-prints"),
                "both scripts' lines, with 40 columns and more of text");
        String header = running.lines().findFirst().orElseThrow();
        String list = header.substring(0, header.indexOf('│'));
        assertTrue(list.contains("STATUS"), running);
        assertFalse(list.contains("UPTIME") || list.contains("PID"), "uptime and pid gave way:\n" + running);
        assertTrue(header.indexOf('│') <= 32, "the list takes at most two fifths of the width:\n" + running);

        tmux.keys("q");
        String end = tmux.await(s -> EXIT.matcher(s).find(), "hum to exit and the shell to print EXIT=");
        Matcher m = EXIT.matcher(end);
        assertTrue(m.find());
        assertEquals("0", m.group(1), end);
        assertEquals(List.of(), TokenScan.find(token), "processes left after q");
    }
}
