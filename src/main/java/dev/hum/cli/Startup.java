package dev.hum.cli;

import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.control.SocketPath;
import dev.hum.process.ActionResult;
import dev.hum.process.Journal;
import dev.hum.process.SessionMark;
import dev.hum.process.Supervisor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** What the dashboard and the headless mode do alike when they start: the journal, the processes. */
final class Startup {

    private Startup() {}

    /**
     * A supervisor for {@code config} with a journal: first stops what a hum killed with SIGKILL
     * left running in this folder (and says so), then records this hum's own session.
     */
    static Supervisor supervisor(ProjectConfig config, PrintStream err) {
        return new Supervisor(config, System.getenv(), openJournal(config, err));
    }

    /** Starts the processes named on the command line, or else those marked autostart. */
    static List<CompletableFuture<ActionResult>> startWanted(
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

    /** The folder the configuration belongs to: the bridge socket and the journal are named after it. */
    static Path projectFolder(ProjectConfig config) {
        Path source = config.source().toAbsolutePath();
        return Files.isDirectory(source) || source.getParent() == null ? source : source.getParent();
    }

    /** "shop · hum.yaml", or "demo". */
    static String title(ProjectConfig config) {
        if (config.origin() == Origin.DEMO) {
            return "demo";
        }
        Path folder = projectFolder(config);
        Path name = folder.getFileName();
        Path file = config.source().getFileName();
        return (name == null ? folder.toString() : name.toString()) + (file == null ? "" : " · " + file);
    }

    /** How the command line names where the processes come from. */
    static String describe(ProjectConfig config) {
        return config.origin() == Origin.DEMO
                ? "no hum.yaml, package.json or Procfile here: the built-in demo"
                : config.source().toString();
    }

    /** Without a journal hum still runs; only the clean-up after a SIGKILL is lost, so it says so. */
    private static Journal openJournal(ProjectConfig config, PrintStream err) {
        Path sock = SocketPath.forProject(projectFolder(config));
        Path folder = Objects.requireNonNull(sock.getParent(), "a socket path names its folder");
        String base = sock.getFileName().toString().replaceAll("\\.sock$", "");
        for (Journal.Leftovers left : Journal.leftBehind(folder, base)) {
            if (!left.isEmpty()) {
                err.println("hum: found " + left.describe() + "; stopping them");
            }
            left.stop();
        }
        try {
            return Journal.start(folder, base, SessionMark.current());
        } catch (IOException | RuntimeException e) {
            err.println("hum: cannot write a journal in " + folder + " (" + e.getMessage()
                    + "); if hum is killed, its processes may be left running");
            return Journal.NONE;
        }
    }
}
