package dev.hum.cli;

import dev.hum.config.Origin;
import dev.hum.config.ProjectConfig;
import dev.hum.control.SocketPath;
import dev.hum.orchestration.Orchestrator;
import dev.hum.process.Journal;
import dev.hum.process.Supervisor;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the dashboard and the headless mode do alike when they start: the journal, the processes. */
final class Startup {

    private Startup() {}

    /**
     * A supervisor for {@code config} with a journal: first stops what a hum killed with SIGKILL
     * left running in this folder (and says so in the logs), then records this hum's own session.
     */
    static Supervisor supervisor(ProjectConfig config, PrintStream err) {
        // What was stopped is said in the logs of the processes concerned, where the dashboard shows it.
        Journal journal = SocketPath.openJournal(SocketPath.runtimeFolder(), projectFolder(config));
        // Without a journal hum still runs; only the clean-up after a SIGKILL is lost, so it says so.
        journal.problem().ifPresent(problem -> err.println("hum: " + problem));
        Supervisor supervisor = new Supervisor(config, System.getenv(), journal);
        // Start order, readiness probes and restarts sit above it and hear of every start and end.
        Orchestrator.attach(supervisor);
        return supervisor;
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
}
