package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.testing.Poll;
import dev.hum.testing.Servers;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class SamplerTest {

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @TempDir
    Path dir;

    /** The port a server in {@code name}'s log said it listens on. */
    private int announcedPort(String name) {
        LogBuffer log = supervisor.find(name).orElseThrow().log();
        String line = Poll.until(
                        name + " to say its port",
                        () -> log.readFrom(log.firstSeq(), 1000).lines().stream()
                                .map(LogLine::text)
                                .filter(t -> t.startsWith("listening on port "))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        return Integer.parseInt(line.substring("listening on port ".length()));
    }

    @Test
    void sample_portsAndUrlsOfAServerBelowTheShell() throws Exception {
        // "; exit 0" keeps the shell as the leader, so the listener is its child: the tree, not the leader, listens
        supervisor = new Supervisor(Specs.config(Specs.shell("web", "python3 " + Servers.script(dir) + "; exit 0")));
        supervisor.start("web").get(10, TimeUnit.SECONDS);
        int port = announcedPort("web");
        Supervised web = supervisor.find("web").orElseThrow();
        Sampled s = Poll.until("the port sampled", web::sample, x -> x.ports().equals(List.of(port)));
        assertEquals(List.of("http://localhost:" + port + "/"), s.urls());
        assertEquals(":" + port + " http://localhost:" + port + "/", s.portsAndUrls());
        assertTrue(s.rssBytes().orElse(0) > 1024 * 1024, s.toString());
        Poll.until("CPU measured", web::sample, x -> x.cpuPercent().isPresent());

        supervisor.stop("web").get(30, TimeUnit.SECONDS);
        Sampled stopped =
                Poll.until("no ports once stopped", web::sample, x -> x.ports().isEmpty());
        assertTrue(stopped.rssBytes().isEmpty(), stopped.toString());
    }

    @Test
    void sample_portOfADescendantThatLeftTheTree() throws Exception {
        // the subshell exits at once: the server, in a session of its own, is re-parented to hum
        supervisor = new Supervisor(
                Specs.config(Specs.shell("web", "(setsid python3 " + Servers.script(dir) + " &); exec sleep 300")));
        supervisor.start("web").get(10, TimeUnit.SECONDS);
        int port = announcedPort("web");
        Supervised web = supervisor.find("web").orElseThrow();
        Poll.until("the stray's port sampled", web::sample, x -> x.ports().equals(List.of(port)));
    }

    @Test
    void sample_aListenerOpenedLaterByAKnownMember() throws Exception {
        // exec keeps the pid: the tree's membership does not change when the listener appears
        supervisor = new Supervisor(Specs.config(Specs.shell("web", "sleep 2; exec python3 " + Servers.script(dir))));
        supervisor.start("web").get(10, TimeUnit.SECONDS);
        Supervised web = supervisor.find("web").orElseThrow();
        int port = announcedPort("web");
        Poll.until("the late listener's port", web::sample, x -> x.ports().equals(List.of(port)));
        supervisor.restart("web").get(30, TimeUnit.SECONDS);
        Poll.until(
                "the new run's port",
                web::sample,
                x -> x.run() == 2 && x.ports().size() == 1);
    }

    @Test
    void sample_cpuOfABusyTree() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("busy", "sh -c 'while :; do :; done'; exit 0")));
        supervisor.start("busy").get(10, TimeUnit.SECONDS);
        Supervised busy = supervisor.find("busy").orElseThrow();
        Poll.until("CPU above zero", busy::sample, x -> x.cpuPercent().orElse(0) > 0);
    }

    @Test
    void sample_cpuOfADescendantThatLeftTheTree() throws Exception {
        // the busy loop leaves the group and its session and is re-parented to hum: found by the mark it inherited
        supervisor = new Supervisor(
                Specs.config(Specs.shell("web", "(setsid sh -c 'while :; do :; done' &); exec sleep 300")));
        supervisor.start("web").get(10, TimeUnit.SECONDS);
        Supervised web = supervisor.find("web").orElseThrow();
        Poll.until("the stray's CPU counted", web::sample, x -> x.cpuPercent().orElse(0) > 2);
    }

    @Test
    void sample_aQuietTreeThatTurnsBusyIsMeasuredAgain() throws Exception {
        // exec keeps the pid: the members stay the same, so only measuring the quiet tree again shows the change
        supervisor = new Supervisor(Specs.config(Specs.shell(
                "web", "while [ ! -e " + dir.resolve("go") + " ]; do sleep 0.2; done; exec yes > /dev/null")));
        supervisor.start("web").get(10, TimeUnit.SECONDS);
        Supervised web = supervisor.find("web").orElseThrow();
        Poll.until("quiet: CPU measured", web::sample, x -> x.cpuPercent().isPresent());
        java.nio.file.Files.writeString(dir.resolve("go"), "");
        Poll.until("busy once it turns busy", web::sample, x -> x.cpuPercent().orElse(0) > 2);
    }

    @Test
    void sample_aBusyNewMemberOfAQuietTreeCounts() throws Exception {
        // the shell stays quiet and the same; the busy loop is a new member, found when the trees are looked up again
        supervisor = new Supervisor(Specs.config(Specs.shell(
                "web",
                "while [ ! -e " + dir.resolve("go") + " ]; do sleep 0.2; done; sh -c 'while :; do :; done'; exit 0")));
        supervisor.start("web").get(10, TimeUnit.SECONDS);
        Supervised web = supervisor.find("web").orElseThrow();
        Poll.until("quiet: CPU measured", web::sample, x -> x.cpuPercent().isPresent());
        java.nio.file.Files.writeString(dir.resolve("go"), "");
        Poll.until(
                "the new member's CPU counted", web::sample, x -> x.cpuPercent().orElse(0) > 2);
    }
}
