package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Quit means quit, on the real jar in a real terminal: whatever the keys queued, q leaves nothing running. */
final class QuitIT {

    private static final Path JAR = Path.of("target", "hum.jar").toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern EXIT = Pattern.compile("EXIT=(\\d+)");

    @TempDir
    Path dir;

    private final String token = "humquit-" + UUID.randomUUID().toString().substring(0, 8);
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
    void quit_afterTwentyRestartsOfASlowServerCancelsThemAndLeavesNothing() throws Exception {
        Assumptions.assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it); skipping");
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run these tests with mvn verify");
        // Ignores TERM, so every stop takes its whole stop_timeout: twenty restarts (a minute) outlast every wait
        // of the old way out (stop_timeout + 5 s, three times over), which then left the newest run behind.
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  slow:\n    cmd: trap '' TERM; w=slow; echo $w-ready; sleep 300\n"
                        + "    stop_timeout: 3s\n    env: {HUM_TEST_TOKEN: " + token + "}\n");
        tmux = Tmux.start(dir, 120, 30);
        tmux.typeLine("HUM_TEST_TOKEN=" + token + " " + JAVA + " -jar " + JAR + "; echo \"EXIT=$?\"");
        tmux.awaitText("slow-ready");
        for (int i = 0; i < 20; i++) {
            tmux.keys("r");
        }
        tmux.awaitText("hum: start #2"); // the first restart is through: the rest are queued behind it
        tmux.keys("q");
        String screen = tmux.await(s -> EXIT.matcher(s).find(), "hum to exit and the shell to print EXIT=");
        Matcher m = EXIT.matcher(screen);
        assertTrue(m.find());
        assertEquals(0, Integer.parseInt(m.group(1)));
        assertEquals(List.of(), TokenScan.find(token), "a run of slow outlived quit");
    }
}
