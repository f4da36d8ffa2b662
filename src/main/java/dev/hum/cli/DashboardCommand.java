package dev.hum.cli;

import dev.hum.config.ProjectConfig;
import dev.hum.control.ControlServer;
import dev.hum.process.Posix;
import dev.hum.process.Supervisor;
import dev.hum.tui.TerminalSession;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** {@code hum}: the dashboard on the terminal, with the bridge that lets {@code hum mcp} in. */
final class DashboardCommand {

    /** How long the terminal may take to be restored after every process stopped, at exit. */
    private static final long RESTORE_GRACE_MILLIS = 1_500;

    /** How long the processes' launches wait for the dashboard's first frame at most (a slow terminal). */
    private static final Duration FIRST_FRAME_WAIT = Duration.ofMillis(500);

    private DashboardCommand() {}

    static int run(ProjectConfig config, List<String> names, PrintStream err) {
        Optional<String> noTerminal = terminalProblem();
        if (noTerminal.isPresent()) {
            err.println("hum: the dashboard needs a terminal (" + noTerminal.get() + "); use hum --headless");
            return Main.USAGE_ERROR;
        }
        Supervisor supervisor = Startup.supervisor(config, err);
        // While the dashboard owns the terminal nothing else may write to it: the bridge's notes go to the status line.
        Queue<String> notes = new ConcurrentLinkedQueue<>(config.notices());
        Optional<ControlServer> bridge = openBridge(supervisor, config, notes, err);
        TerminalSession session;
        try {
            session = TerminalSession.prepare();
            // Before the terminal changes: from here on every way out gives it back.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(session, supervisor), "hum-shutdown"));
            CrashHandler.install(session::restore, err);
            session.open();
        } catch (IOException | RuntimeException e) {
            bridge.ifPresent(ControlServer::close);
            supervisor.close();
            err.println("hum: cannot open the terminal: " + e.getMessage() + "; use hum --headless");
            return Main.USAGE_ERROR;
        }
        // The processes' forks wait for the first frame (the render loop lets them go): on two cores they
        // would take half the machine from it, and each shows STARTING meanwhile.
        supervisor.holdLaunches(FIRST_FRAME_WAIT);
        supervisor.startWanted(names);
        try {
            session.run(supervisor, Startup.title(config), config.settings().fps(), notes);
            return 0;
        } catch (IOException e) {
            session.restore();
            err.println("hum: terminal error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            supervisor.close();
            bridge.ifPresent(ControlServer::close);
        }
    }

    /**
     * The shutdown hook (SIGINT, SIGTERM, SIGHUP): the stop of every process never waits on the
     * terminal. The restore starts beside it and gets {@link #RESTORE_GRACE_MILLIS} more once every
     * process has stopped; a terminal that stopped reading (a frozen ssh session) never takes the
     * frame in flight, and hum then exits without it rather than hang with its processes.
     */
    private static void shutDown(TerminalSession session, Supervisor supervisor) {
        Thread restore = new Thread(session::restore, "hum-restore");
        restore.setDaemon(true);
        restore.start();
        supervisor.stopAll();
        try {
            restore.join(RESTORE_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why there is no usable terminal, if there is none. */
    private static Optional<String> terminalProblem() {
        String term = System.getenv("TERM");
        if (term == null || term.isEmpty()) {
            return Optional.of("TERM is not set");
        }
        if (term.equals("dumb")) {
            return Optional.of("TERM is 'dumb'");
        }
        if (!Posix.isatty(0) || !Posix.isatty(1)) {
            return Optional.of("standard input and output must be a terminal");
        }
        return Optional.empty();
    }

    /** Without the bridge the dashboard still works; agents then run their own processes, so say why. */
    private static Optional<ControlServer> openBridge(
            Supervisor supervisor, ProjectConfig config, Queue<String> notes, PrintStream err) {
        try {
            ControlServer bridge = ControlServer.start(supervisor, Startup.projectFolder(config), notes::add);
            // A signal (SIGTERM, SIGHUP, SIGINT) or a crash ends the JVM through its hooks, not through
            // run's finally: the socket of a dead dashboard must go on every way out.
            Runtime.getRuntime().addShutdownHook(new Thread(bridge::close, "hum-bridge-close"));
            return Optional.of(bridge);
        } catch (IOException | RuntimeException e) {
            err.println("hum: agents cannot reach this dashboard (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
