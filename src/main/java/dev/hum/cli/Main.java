package dev.hum.cli;

import dev.hum.config.ConfigException;
import dev.hum.config.ConfigLoader;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.headless.HeadlessRunner;
import dev.hum.process.ActionResult;
import dev.hum.process.Posix;
import dev.hum.process.Supervisor;
import dev.hum.tui.TerminalSession;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The {@code hum} command. */
public final class Main {

    static final int USAGE_ERROR = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs hum and returns its exit status; separate from {@link #main} so that tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (Arguments.UsageException e) {
            err.println("hum: " + e.getMessage());
            return USAGE_ERROR;
        }
        if (arguments.help()) {
            out.println(Arguments.USAGE);
            return 0;
        }
        if (arguments.version()) {
            out.println("hum " + version());
            return 0;
        }
        ProjectConfig config;
        try {
            config = arguments.config().isPresent()
                    ? ConfigLoader.load(arguments.config().get())
                    : ConfigLoader.discover(Path.of("").toAbsolutePath());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return USAGE_ERROR;
        }
        Set<String> known = new LinkedHashSet<>();
        config.processes().forEach(p -> known.add(p.name()));
        for (String name : arguments.names()) {
            if (!known.contains(name)) {
                err.println("hum: no process named '" + name + "' in " + describe(config) + "; known: "
                        + String.join(", ", known));
                return USAGE_ERROR;
            }
        }
        if (arguments.headless()) {
            err.println("hum: " + describe(config) + " (" + config.processes().size() + " processes)");
            return runHeadless(config, arguments.names(), err);
        }
        String noTerminal = terminalProblem();
        if (noTerminal != null) {
            err.println("hum: the dashboard needs a terminal (" + noTerminal + "); use hum --headless");
            return USAGE_ERROR;
        }
        return runDashboard(config, arguments.names(), err);
    }

    private static int runDashboard(ProjectConfig config, List<String> names, PrintStream err) {
        Supervisor supervisor = new Supervisor(config);
        TerminalSession session;
        try {
            session = TerminalSession.open();
        } catch (IOException | RuntimeException e) {
            err.println("hum: cannot open the terminal: " + e.getMessage() + "; use hum --headless");
            return USAGE_ERROR;
        }
        Thread hook = new Thread(
                () -> {
                    // Restore first: Lanterna's own shutdown hook leaves the alternate screen at the same
                    // time, and any frame drawn after that would land on the user's shell screen.
                    session.restore();
                    supervisor.stopAll();
                },
                "hum-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        startWanted(supervisor, config, names);
        try {
            session.run(supervisor, title(config), config.settings().fps());
            supervisor.close();
            return 0;
        } catch (IOException e) {
            session.restore();
            supervisor.close();
            err.println("hum: terminal error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Why there is no usable terminal, or null when there is one. */
    private static String terminalProblem() {
        String term = System.getenv("TERM");
        if (term == null || term.isEmpty()) {
            return "TERM is not set";
        }
        if (term.equals("dumb")) {
            return "TERM is 'dumb'";
        }
        if (!Posix.isatty(0) || !Posix.isatty(1)) {
            return "standard input and output must be a terminal";
        }
        return null;
    }

    private static String title(ProjectConfig config) {
        if (config.origin() == dev.hum.config.Origin.DEMO) {
            return "demo";
        }
        Path source = config.source().toAbsolutePath();
        Path folder = source.getParent() == null ? source : source.getParent();
        Path name = folder.getFileName();
        return (name == null ? folder.toString() : name.toString()) + " · " + source.getFileName();
    }

    private static List<CompletableFuture<ActionResult>> startWanted(
            Supervisor supervisor, ProjectConfig config, List<String> names) {
        List<CompletableFuture<ActionResult>> starts = new ArrayList<>();
        for (ProcessSpec spec : config.processes()) {
            boolean wanted = names.isEmpty() ? spec.autostart() : names.contains(spec.name());
            if (wanted) {
                starts.add(supervisor.start(spec.name()));
            }
        }
        return starts;
    }

    private static int runHeadless(ProjectConfig config, List<String> names, PrintStream err) {
        Supervisor supervisor = new Supervisor(config);
        boolean colour = Posix.isatty(1) && System.getenv("NO_COLOR") == null;
        // Write to fd 1 directly through our own buffer: System.out flushes per line.
        HeadlessRunner runner = new HeadlessRunner(supervisor, new FileOutputStream(FileDescriptor.out), colour);
        Thread hook = new Thread(
                () -> {
                    supervisor.stopAll();
                    runner.flush();
                },
                "hum-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        List<CompletableFuture<ActionResult>> starts = startWanted(supervisor, config, names);
        if (starts.isEmpty()) {
            err.println("hum: nothing to start; name the processes to run, for example: hum --headless "
                    + config.processes().get(0).name());
            Runtime.getRuntime().removeShutdownHook(hook);
            supervisor.close();
            return USAGE_ERROR;
        }
        try {
            int status = runner.run(starts);
            supervisor.close();
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String describe(ProjectConfig config) {
        switch (config.origin()) {
            case DEMO:
                return "no hum.yaml, package.json or Procfile here: the built-in demo";
            default:
                return config.source().toString();
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
