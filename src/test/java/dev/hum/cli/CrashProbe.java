package dev.hum.cli;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.process.Supervisor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A hum that crashes: the supervisor, shutdown hook and crash handler wired as {@link Main} wires
 * them, a child running, then an exception thrown in a thread of its own. Run by {@link CliTest}.
 */
final class CrashProbe {

    private CrashProbe() {}

    public static void main(String[] args) throws Exception {
        ProcessSpec spec = new ProcessSpec(
                "victim",
                new Command.Shell("sh -c 'sleep 300' & sleep 300"),
                Path.of("/tmp"),
                Map.of("HUM_TEST_TOKEN", args[0]),
                true,
                StopSignal.TERM,
                Duration.ofSeconds(5));
        Supervisor supervisor = new Supervisor(
                new ProjectConfig(Path.of("/tmp"), Origin.HUM_FILE, List.of(spec), new Settings(1000, 30)));
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stopAll, "hum-shutdown"));
        CrashHandler.install(() -> System.err.println("terminal restored"), System.err);
        supervisor.start("victim").join();
        System.out.println("running");
        System.out.flush();
        Thread.sleep(300);
        new Thread(
                        () -> {
                            throw new IllegalStateException("boom");
                        },
                        "hum-pump-victim")
                .start();
        Thread.sleep(60_000);
    }
}
