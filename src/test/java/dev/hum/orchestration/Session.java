package dev.hum.orchestration;

import dev.hum.config.ConfigLoader;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.process.Supervisor;
import dev.hum.state.ProcessState;
import dev.hum.testing.Poll;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A hum.yaml of real processes, its supervisor with an orchestrator, and the reads the tests make of them. */
final class Session implements AutoCloseable {

    final Path dir;
    final Supervisor supervisor;
    final Orchestrator orchestrator;

    Session(Path dir, String yaml) throws Exception {
        this(dir, yaml, dev.hum.config.RestartPolicy.STABLE);
    }

    Session(Path dir, String yaml, java.time.Duration stable) throws Exception {
        this.dir = dir;
        Path file = dir.resolve("hum.yaml");
        Files.writeString(file, yaml);
        this.supervisor = new Supervisor(ConfigLoader.load(file));
        this.orchestrator = Orchestrator.attach(supervisor, stable);
    }

    /** A port nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    ProcessState state(String name) {
        return supervisor.find(name).orElseThrow().state();
    }

    ProcessState await(String name, String what, Predicate<ProcessState> done) {
        return Poll.until(name + " " + what, () -> state(name), done);
    }

    List<LogLine> lines(String name) {
        LogBuffer log = supervisor.find(name).orElseThrow().log();
        return log.readFrom(log.firstSeq(), 100_000).lines();
    }

    List<String> texts(String name) {
        return lines(name).stream().map(LogLine::text).toList();
    }

    /** The first line of {@code name}'s log that starts with {@code prefix}. */
    Optional<LogLine> line(String name, String prefix) {
        return lines(name).stream().filter(l -> l.text().startsWith(prefix)).findFirst();
    }

    /** When that line arrived, on the clock all logs share; fails if there is none. */
    long arrival(String name, String prefix) {
        return line(name, prefix)
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in " + name + ": " + texts(name)))
                .arrival();
    }

    void awaitLine(String name, String prefix) {
        Poll.until(name + " prints '" + prefix + "'", () -> line(name, prefix).isPresent());
    }

    @Override
    public void close() {
        supervisor.close();
    }
}
