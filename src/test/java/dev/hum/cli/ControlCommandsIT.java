package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hum ps/stop/start/wait/logs} against the dashboard in tmux: what they do shows on its screen. */
final class ControlCommandsIT {

    private static final Path JAR = Path.of("target", "hum.jar").toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private Tmux tmux;
    private Map<String, String> env;

    @AfterEach
    void cleanUp() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
    }

    private HumProcess hum(String... args) throws Exception {
        HumProcess p = HumProcess.start(dir, env, args);
        p.waitForExit();
        return p;
    }

    @Test
    void commands_driveTheDashboardInTmux() throws Exception {
        Assumptions.assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it); skipping");
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run these tests with mvn verify");
        Path runtime = Files.createDirectories(
                dir.resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        env = Map.of("XDG_RUNTIME_DIR", runtime.toString());
        Files.writeString(
                dir.resolve("hum.yaml"), "processes:\n  alpha:\n    cmd: w=alpha; echo $w-up; exec sleep 300\n");
        tmux = Tmux.start(dir, 120, 30);
        tmux.typeLine("XDG_RUNTIME_DIR=" + runtime + " " + JAVA + " -jar " + JAR + "; echo \"EXIT=$?\"");
        tmux.awaitText("alpha-up");

        HumProcess ps = hum("ps");
        assertEquals(0, ps.process.exitValue(), ps.stderrText());
        assertTrue(ps.stdoutText().contains("alpha") && ps.stdoutText().contains("RUNNING"), ps.stdoutText());
        assertEquals(
                "alpha-up",
                hum("wait", "alpha", "--text", "alpha-up").stdoutText().strip());

        HumProcess stop = hum("stop", "alpha");
        assertEquals(0, stop.process.exitValue(), stop.stderrText());
        tmux.awaitText("alpha · STOPPED");
        assertEquals(0, hum("wait", "alpha", "--exit").process.exitValue(), "STOPPED is an end, not a failure");
        assertEquals(1, hum("wait", "alpha", "--ready").process.exitValue(), "stopped: it will not be ready");

        assertEquals(0, hum("start", "alpha").process.exitValue());
        assertEquals(0, hum("wait", "alpha", "--ready").process.exitValue());
        tmux.awaitText("hum: start #2");
        assertTrue(hum("logs", "alpha", "-n", "50").stdoutText().contains("hum: start #2"));
        assertEquals(
                124,
                hum("wait", "alpha", "--exit", "--timeout", "200ms").process.exitValue());

        tmux.keys("q");
        tmux.awaitText("EXIT=0");
        assertEquals(3, hum("ps").process.exitValue(), "the dashboard took its socket along");
    }
}
