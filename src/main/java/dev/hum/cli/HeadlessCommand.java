package dev.hum.cli;

import dev.hum.config.ProjectConfig;
import dev.hum.control.ControlServer;
import dev.hum.headless.HeadlessRunner;
import dev.hum.process.ActionResult;
import dev.hum.process.Posix;
import dev.hum.process.Supervisor;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code hum --headless}: every line to stdout as {@code name | line}, until every process ended. */
final class HeadlessCommand {

    private HeadlessCommand() {}

    static int run(ProjectConfig config, List<String> names, PrintStream err) {
        int count = config.processes().size();
        err.println("hum: " + Startup.describe(config) + " (" + count + (count == 1 ? " process)" : " processes)"));
        config.notices().forEach(err::println);
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

        Optional<ControlServer> bridge = openBridge(supervisor, config, err);
        List<CompletableFuture<ActionResult>> starts = supervisor.startWanted(names);
        if (starts.isEmpty()) {
            err.println("hum: nothing to start; name the processes to run, for example: hum --headless "
                    + config.processes().get(0).name());
            Runtime.getRuntime().removeShutdownHook(hook);
            bridge.ifPresent(ControlServer::close);
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
            bridge.ifPresent(ControlServer::close);
        }
    }

    /**
     * The same control socket a dashboard serves, so that hum ps/start/stop/logs/wait and hum mcp drive this
     * session; its notes go to stderr (stdout carries the lines). Closed on every way out, as the dashboard's.
     */
    private static Optional<ControlServer> openBridge(Supervisor supervisor, ProjectConfig config, PrintStream err) {
        try {
            ControlServer bridge =
                    ControlServer.start(supervisor, Startup.projectFolder(config), note -> err.println("hum: " + note));
            Runtime.getRuntime().addShutdownHook(new Thread(bridge::close, "hum-bridge-close"));
            return Optional.of(bridge);
        } catch (IOException | RuntimeException e) {
            err.println("hum: hum ps/wait and agents cannot reach this session (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
