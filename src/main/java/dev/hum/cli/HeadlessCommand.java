package dev.hum.cli;

import dev.hum.config.ProjectConfig;
import dev.hum.headless.HeadlessRunner;
import dev.hum.process.ActionResult;
import dev.hum.process.Posix;
import dev.hum.process.Supervisor;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code hum --headless}: every line to stdout as {@code name | line}, until every process ended. */
final class HeadlessCommand {

    private HeadlessCommand() {}

    static int run(ProjectConfig config, List<String> names, PrintStream err) {
        int count = config.processes().size();
        err.println("hum: " + Startup.describe(config) + " (" + count + (count == 1 ? " process)" : " processes)"));
        Supervisor supervisor = Startup.supervisor(config, err);
        boolean colour = Posix.isatty(1) && System.getenv("NO_COLOR") == null;
        // Write to fd 1 directly through the printer's own buffer: System.out flushes per line.
        HeadlessRunner runner = new HeadlessRunner(
                supervisor,
                supervisor.wanted(names),
                new FileOutputStream(FileDescriptor.out),
                colour,
                () -> Posix.readerGone(1));
        Thread hook = new Thread(
                () -> {
                    supervisor.stopAll();
                    runner.flush();
                },
                "hum-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        CrashHandler.install(() -> {}, err);

        List<CompletableFuture<ActionResult>> starts = supervisor.startWanted(names);
        if (starts.isEmpty()) {
            err.println("hum: nothing to start; name the processes to run, for example: hum --headless "
                    + config.processes().get(0).name());
            Runtime.getRuntime().removeShutdownHook(hook);
            supervisor.close();
            return Main.USAGE_ERROR;
        }
        try {
            // A closed stdout (hum --headless | head -2) ends the run: finally stops every tree, and 141 is
            // the whole answer, as from any tool the closed pipe ended.
            return runner.run(starts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            supervisor.close();
        }
    }
}
