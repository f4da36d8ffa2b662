package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.Command;
import dev.hum.config.ProcessSpec;
import dev.hum.config.StopSignal;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.state.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A package manager missing where corepack could provide it: the FAILED reason says how to get it. */
final class CorepackHintTest {

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @TempDir
    Path dir;

    @Test
    void start_missingPnpmWithCorepackOnPathSuggestsCorepackEnable() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path corepack = Files.writeString(bin.resolve("corepack"), "#!/bin/sh\nexit 0\n");
        assertTrue(corepack.toFile().setExecutable(true));

        String reason = failedReason(bin, "pnpm");
        assertTrue(
                reason.contains(
                        "command not found: pnpm (searched PATH); corepack is installed: run 'corepack enable'"),
                reason);
        List<String> log = lines("pm");
        assertTrue(
                log.stream().anyMatch(l -> l.contains("failed to start") && l.contains("corepack enable")),
                log::toString);
    }

    @Test
    void start_missingPnpmWithoutCorepackSaysOnlyNotFound() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String reason = failedReason(bin, "pnpm");
        assertEquals("command not found: pnpm (searched PATH)", reason);
    }

    @Test
    void start_otherMissingCommandGetsNoCorepackHint() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path corepack = Files.writeString(bin.resolve("corepack"), "#!/bin/sh\nexit 0\n");
        assertTrue(corepack.toFile().setExecutable(true));
        assertFalse(failedReason(bin, "vite").contains("corepack"));
    }

    private String failedReason(Path bin, String program) throws Exception {
        var spec = new ProcessSpec(
                "pm",
                new Command.Argv(List.of(program, "run", "dev")),
                dir,
                Map.of("PATH", bin.toString()),
                false,
                StopSignal.TERM,
                Duration.ofSeconds(5));
        supervisor = new Supervisor(Specs.config(spec));
        assertFalse(supervisor.start("pm").get(10, TimeUnit.SECONDS).ok());
        var state = run.cell("pm").get();
        assertEquals(Status.FAILED, state.status());
        return state.reason();
    }

    private List<String> lines(String name) {
        LogBuffer log = supervisor.find(name).orElseThrow().log();
        return log.readFrom(log.firstSeq(), 100).lines().stream()
                .map(LogLine::text)
                .toList();
    }
}
