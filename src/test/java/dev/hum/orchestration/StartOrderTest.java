package dev.hum.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** depends_on and ready: with real servers, real sockets and real probes; orders and counts, never elapsed time. */
final class StartOrderTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Sessions sessions = new Sessions();

    private Session session;

    private static String server(int port) {
        // a moment before it listens, so that its dependent has to wait for it
        return "sleep 0.5; exec python3 -u -m http.server " + port + " --bind 127.0.0.1";
    }

    private static String connects(int port) {
        return "python3 -c \"import socket; socket.create_connection(('127.0.0.1', " + port
                + "), 2); print('connected')\" || echo refused; exec sleep 30";
    }

    @Test
    void tcp_dependentStartsOnlyAfterThePortAnswers() throws Exception {
        int port = Session.freePort();
        session = sessions.open(
                dir,
                """
                processes:
                  db:
                    cmd: %s
                    ready: { tcp: %d, interval: 100ms }
                  api:
                    cmd: %s
                    depends_on: [db]
                """
                        .formatted(server(port), port, connects(port)));
        session.supervisor.startWanted(List.of());
        session.awaitLine("api", "connected");
        assertEquals(Status.RUNNING, session.state("db").status());
        List<String> api = session.texts("api");
        assertEquals("hum: waiting for db: ready (tcp " + port + ")", api.get(0));
        assertTrue(api.get(1).startsWith("hum: start #1: "), api.toString());
        assertTrue(session.arrival("db", "hum: ready (tcp " + port + ")") < session.arrival("api", "hum: start #1"));
        assertTrue(!api.contains("refused"), api.toString());
    }

    @Test
    void http_probePassesOnceTheServerAnswers() throws Exception {
        int port = Session.freePort();
        session = sessions.open(
                dir,
                """
                processes:
                  web:
                    cmd: %s
                    ready: { http: "http://127.0.0.1:%d/", interval: 100ms }
                  e2e:
                    cmd: %s
                    depends_on: { web: ready }
                """
                        .formatted(server(port), port, connects(port)));
        session.supervisor.startWanted(List.of());
        session.awaitLine("e2e", "connected");
        assertTrue(session.arrival("web", "hum: ready (http http://127.0.0.1:" + port + "/)")
                < session.arrival("e2e", "hum: start #1"));
    }

    @Test
    void log_probeIsWokenByTheLineAndIgnoresHumsOwnLines() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  db:
                    cmd: sleep 0.3; echo 'listening on 5432'; exec sleep 30
                    ready: { log: 'listening on \\d+' }
                  api:
                    cmd: echo up; exec sleep 30
                    depends_on: [db]
                """);
        session.supervisor.startWanted(List.of());
        session.awaitLine("api", "up");
        assertTrue(session.arrival("db", "listening on 5432") < session.arrival("db", "hum: ready (log"));
        assertTrue(session.arrival("db", "hum: ready (log") < session.arrival("api", "hum: start #1"));
        assertEquals(Status.RUNNING, session.state("db").status());
    }

    @Test
    void exec_probeRunsInTheProcessFolderUntilItExitsZero() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  db:
                    cmd: sleep 0.3; touch ready.flag; echo touched; exec sleep 30
                    ready: { exec: test -f ready.flag, interval: 100ms }
                  api:
                    cmd: echo up; exec sleep 30
                    depends_on: [db]
                """);
        session.supervisor.startWanted(List.of());
        session.awaitLine("api", "up");
        assertTrue(session.arrival("db", "touched") < session.arrival("db", "hum: ready (exec test -f ready.flag)"));
        assertTrue(session.arrival("db", "hum: ready") < session.arrival("api", "hum: start #1"));
    }

    @Test
    void exec_probeThatHangsIsKilledWithItsGroupAtTheTimeout() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  db:
                    cmd: exec sleep 30
                    ready: { exec: sleep 21.75 & exec sleep 21.5, interval: 100ms, timeout: 600ms }
                """);
        session.supervisor.startWanted(List.of());
        var db = session.await("db", "not ready", s -> s.status() == Status.NOT_READY);
        assertTrue(db.reason().contains("did not finish within"), db.reason());
        // the hung probe and the child it put in the background went with their group
        Poll.until("the probe's processes to be gone", StartOrderTest::probeSleeps, List::isEmpty);
    }

    private static List<String> probeSleeps() {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.endsWith("sleep 21.5") || c.endsWith("sleep 21.75"))
                .toList();
    }

    @Test
    void timeout_givesNotReadyAndBlocksTheDependents() throws Exception {
        int port = Session.freePort();
        session = sessions.open(
                dir,
                """
                processes:
                  db:
                    cmd: exec sleep 30
                    ready: { tcp: %d, interval: 100ms, timeout: 500ms }
                  api:
                    cmd: echo up
                    depends_on: [db]
                """
                        .formatted(port));
        session.supervisor.startWanted(List.of());
        var api = session.await("api", "blocked", s -> s.status() == Status.BLOCKED);
        assertEquals("blocked: db NOT READY", api.reason());
        var db = session.state("db");
        assertEquals(Status.NOT_READY, db.status());
        assertTrue(db.reason().startsWith("tcp " + port + " did not pass within 500ms ("), db.reason());
        assertEquals(0, api.run());
        assertTrue(session.texts("db").stream().anyMatch(t -> t.startsWith("hum: not ready: tcp " + port)));
    }

    @Test
    void chainOfFive_startsInOrder() throws Exception {
        var yaml = new StringBuilder("processes:\n");
        for (int i = 5; i >= 1; i--) {
            yaml.append("  p").append(i).append(":\n    cmd: echo up; exec sleep 30\n");
            if (i > 1) {
                yaml.append("    depends_on: [p").append(i - 1).append("]\n");
            }
        }
        // listed backwards in the file: the order comes from the dependencies, not the listing
        session = sessions.open(dir, yaml.toString());
        session.supervisor.startWanted(List.of());
        session.awaitLine("p5", "up");
        for (int i = 1; i < 5; i++) {
            assertTrue(
                    session.arrival("p" + i, "hum: start #1") < session.arrival("p" + (i + 1), "hum: start #1"),
                    "p" + i + " before p" + (i + 1));
        }
    }

    @Test
    void diamond_joinStartsAfterBothBranches() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  join:
                    cmd: echo up; exec sleep 30
                    depends_on: [left, right]
                  left:
                    cmd: echo up; exec sleep 30
                    depends_on: [root]
                  right:
                    cmd: sleep 0.3; echo up; exec sleep 30
                    depends_on: [root]
                    ready: { log: up }
                  root:
                    cmd: echo up; exec sleep 30
                """);
        session.supervisor.startWanted(List.of());
        session.awaitLine("join", "up");
        long root = session.arrival("root", "hum: start #1");
        assertTrue(root < session.arrival("left", "hum: start #1"));
        assertTrue(root < session.arrival("right", "hum: start #1"));
        assertTrue(session.arrival("right", "hum: ready") < session.arrival("join", "hum: start #1"));
        assertTrue(session.arrival("left", "hum: start #1") < session.arrival("join", "hum: start #1"));
        assertEquals(1, session.state("join").run());
    }

    @Test
    void exited0_gatesTheDependentUntilTheMigrationFinished() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  migrate:
                    cmd: sleep 0.3; echo migrated
                  api:
                    cmd: echo up; exec sleep 30
                    depends_on: { migrate: exited 0 }
                """);
        session.supervisor.startWanted(List.of());
        session.awaitLine("api", "up");
        assertEquals("hum: waiting for migrate: exited 0", session.texts("api").get(0));
        assertTrue(session.arrival("migrate", "hum: exited with code 0") < session.arrival("api", "hum: start #1"));
    }

    @Test
    void failedMigration_blocksItsDependents() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  migrate:
                    cmd: echo 'relation exists'; exit 3
                  api:
                    cmd: echo up; exec sleep 30
                    depends_on: { migrate: exited 0 }
                  web:
                    cmd: echo up; exec sleep 30
                    depends_on: [api]
                """);
        session.supervisor.startWanted(List.of());
        var api = session.await("api", "blocked", s -> s.status() == Status.BLOCKED);
        assertEquals("blocked: migrate FAILED 3", api.reason());
        assertEquals("BLOCKED", api.statusWord());
        session.orchestrator.awaitIdle();
        assertEquals(0, session.state("api").run());
        assertEquals(Status.WAITING, session.state("web").status());
        assertEquals("waiting for api: ready", session.state("web").reason());
    }

    @Test
    void startByHand_startsTheLeafsWholeChainFirst() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  db:
                    cmd: echo up; exec sleep 30
                    autostart: false
                    ready: { log: up }
                  api:
                    cmd: echo up; exec sleep 30
                    autostart: false
                    depends_on: [db]
                  web:
                    cmd: echo up; exec sleep 30
                    autostart: false
                    depends_on: { api: started }
                  other:
                    cmd: echo up; exec sleep 30
                    autostart: false
                """);
        session.supervisor.start("web").get();
        session.awaitLine("web", "up");
        assertTrue(session.arrival("db", "hum: ready") < session.arrival("api", "hum: start #1"));
        assertTrue(session.arrival("api", "hum: start #1") < session.arrival("web", "hum: start #1"));
        assertEquals(Status.NOT_STARTED, session.state("other").status());
    }
}
