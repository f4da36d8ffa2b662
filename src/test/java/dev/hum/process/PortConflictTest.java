package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.Command;
import dev.hum.config.ProcessSpec;
import dev.hum.config.StopSignal;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.Source;
import dev.hum.testing.Poll;
import dev.hum.testing.Servers;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class PortConflictTest {

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @TempDir
    Path dir;

    private String notice(String name) {
        LogBuffer log = supervisor.find(name).orElseThrow().log();
        return Poll.until(
                        name + "'s port notice",
                        () -> log.readFrom(log.firstSeq(), 1000).lines().stream()
                                .filter(l ->
                                        l.source() == Source.HUM && l.text().startsWith("hum: port "))
                                .map(LogLine::text)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void conflict_namesTheHolderOutsideHum() throws Exception {
        try (Servers.Outside holder = Servers.startOutside(dir)) {
            // Python's http.server says only "[Errno 98] Address already in use": the port comes from the command
            supervisor = new Supervisor(
                    Specs.config(Specs.shell("web", "python3 -m http.server " + holder.port() + " --bind 127.0.0.1")));
            supervisor.start("web").get(10, TimeUnit.SECONDS);
            String notice = notice("web");
            assertTrue(
                    notice.startsWith("hum: port " + holder.port() + " is held by pid "
                            + holder.process().pid() + " (python3 "),
                    notice);
            assertTrue(notice.endsWith("not started by this hum"), notice);
            assertTrue(holder.process().isAlive(), "nothing is killed");
            Supervised web = supervisor.find("web").orElseThrow();
            Poll.until("the conflict in the sample", web::sample, s -> s.portConflict()
                    .equals(notice));
        }
    }

    @Test
    void conflict_namesTheProcessOfThisHumThatHoldsIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path script = Servers.script(dir);
        ProcessSpec second = new ProcessSpec(
                "node",
                // node's own words, with a real holder behind them
                new Command.Shell("echo \"Error: listen EADDRINUSE: address already in use :::$PORT\" >&2; exit 1"),
                dir,
                Map.of("PORT", Integer.toString(port)),
                false,
                StopSignal.TERM,
                Duration.ofSeconds(5));
        supervisor = new Supervisor(Specs.config(Specs.shell("api", "exec python3 " + script + " " + port), second));
        supervisor.start("api").get(10, TimeUnit.SECONDS);
        Supervised api = supervisor.find("api").orElseThrow();
        Poll.until("api to listen", api::sample, s -> s.ports().equals(List.of(port)));
        supervisor.start("node").get(10, TimeUnit.SECONDS);
        String notice = notice("node");
        assertTrue(
                notice.startsWith(
                        "hum: port " + port + " is held by pid " + api.state().pid() + " (python3 "),
                notice);
        assertTrue(notice.endsWith(", started by api in this hum"), notice);
    }

    @Test
    void conflict_holderWhoseEnvironmentLostHumsMarkIsStillNamedByAncestry() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path script = Servers.script(dir);
        // turbo's strict environment mode passes its tasks only the variables it knows: hum's mark is lost, and
        // the server is a grandchild of the run's leader, not the leader
        ProcessSpec turbo = Specs.shell(
                "turbo", "env -u HUM_SESSION -u HUM_PROCESS python3 " + script + " " + port + "; echo done");
        ProcessSpec second = new ProcessSpec(
                "node",
                // node's whole crash report: the port named once, then EADDRINUSE again without it
                new Command.Shell("echo \"Error: listen EADDRINUSE: address already in use :::" + port + "\" >&2;"
                        + " echo \"  code: 'EADDRINUSE',\" >&2; exit 1"),
                dir,
                // no PORT and no number in the command: the port is named only by the first line
                Map.of(),
                false,
                StopSignal.TERM,
                Duration.ofSeconds(5));
        supervisor = new Supervisor(Specs.config(turbo, second));
        supervisor.start("turbo").get(10, TimeUnit.SECONDS);
        Supervised holder = supervisor.find("turbo").orElseThrow();
        Poll.until("turbo's server to listen", holder::sample, s -> s.ports().equals(List.of(port)));
        supervisor.start("node").get(10, TimeUnit.SECONDS);
        String notice = notice("node");
        assertTrue(notice.endsWith(", started by turbo in this hum"), notice);
        LogBuffer log = supervisor.find("node").orElseThrow().log();
        Poll.until(
                "node to be sampled after its exit",
                () -> supervisor.find("node").orElseThrow().sample(),
                s -> !s.portConflict().isEmpty());
        List<String> hum = log.readFrom(log.firstSeq(), 1000).lines().stream()
                .filter(l -> l.source() == Source.HUM && l.text().contains("names no port"))
                .map(LogLine::text)
                .toList();
        assertTrue(hum.isEmpty(), "one failure, one notice: " + hum);
    }
}
