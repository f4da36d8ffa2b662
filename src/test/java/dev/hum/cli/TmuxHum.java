package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged jar in a real terminal, for the end-to-end tests: a tmux session, hum typed into its shell with the
 * test's token in the environment, the shell's {@code EXIT=n} line, and after each test no tmux and no process of
 * the token left, whatever happened. Register it with {@code @RegisterExtension}.
 */
final class TmuxHum implements AfterEachCallback {

    static final Path JAR = Path.of("target", "hum.jar").toAbsolutePath();
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    // Not anchored: the shell may print it after a prompt. The typed `"EXIT=$?"` has no digits.
    private static final Pattern EXIT = Pattern.compile("EXIT=(\\d+)");

    private final String token;
    private @Nullable Tmux tmux;

    /** @param prefix the start of the token that marks this test's processes */
    TmuxHum(String prefix) {
        this.token = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The value of {@code HUM_TEST_TOKEN} that the test's processes carry. */
    String token() {
        return token;
    }

    /** A tmux session of that size in {@code folder}; skips the test without tmux, fails it without the jar. */
    Tmux open(Path folder, int columns, int rows) throws Exception {
        Assumptions.assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it); skipping");
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run these tests with mvn verify");
        tmux = Tmux.start(folder, columns, rows);
        return tmux;
    }

    /** Types {@code <prefix> HUM_TEST_TOKEN=… java -jar hum.jar; echo "EXIT=$?"} into the shell. */
    void startHum(String environment) throws Exception {
        session()
                .typeLine(environment + "HUM_TEST_TOKEN=" + token + " " + JAVA + " -jar " + JAR + "; echo \"EXIT=$?\"");
    }

    /** Waits for the shell's {@code EXIT=n} line after hum ends; returns n. */
    int awaitExit() throws Exception {
        String screen = session().await(s -> EXIT.matcher(s).find(), "hum to exit and the shell to print EXIT=");
        Matcher m = EXIT.matcher(screen);
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    /** The pids of processes still alive with this test's token. */
    List<Long> leftovers() throws Exception {
        return TokenScan.find(token);
    }

    private Tmux session() {
        if (tmux == null) {
            throw new IllegalStateException("open a tmux session first");
        }
        return tmux;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        // Whatever a failed test left behind must not outlive it.
        for (long pid : TokenScan.find(token)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
