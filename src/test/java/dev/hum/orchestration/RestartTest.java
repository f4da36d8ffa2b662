package dev.hum.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.state.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** restart, max_restarts, backoff and the quit order, read from the notices and what each child's trap wrote. */
final class RestartTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Sessions sessions = new Sessions();

    private Session session;

    private List<String> restartNotices(String name) {
        return session.texts(name).stream()
                .filter(t -> t.startsWith("hum: restart") || t.startsWith("hum: gave up"))
                .toList();
    }

    @Test
    void onFailure_delaysDoubleThenMaxRestartsGivesUp() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  api:
                    cmd: echo boom; exit 1
                    restart: on-failure
                    backoff: 100ms
                    max_restarts: 3
                """);
        session.supervisor.startWanted(List.of());
        var end = session.await("api", "gives up", s -> s.reason().startsWith("gave up"));
        assertEquals(
                List.of(
                        "hum: restart 1 in 100ms",
                        "hum: restart 2 in 200ms",
                        "hum: restart 3 in 400ms",
                        "hum: gave up after 3 restarts"),
                restartNotices("api"));
        assertEquals(Status.FAILED, end.status());
        assertEquals("FAILED 1", end.statusWord());
        assertEquals(4, end.run());
        // each restart notice follows its run's exit notice
        List<String> texts = session.texts("api");
        int firstRestart = texts.indexOf("hum: restart 1 in 100ms");
        assertEquals("hum: exited with code 1", texts.get(firstRestart - 1));
    }

    @Test
    void onFailure_leavesACleanExitAlone_alwaysRestartsIt() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  once:
                    cmd: echo done
                    restart: on-failure
                    backoff: 100ms
                  again:
                    cmd: echo done
                    restart: always
                    backoff: 100ms
                    max_restarts: 1
                """);
        session.supervisor.startWanted(List.of());
        session.await("again", "gives up", s -> s.reason().startsWith("gave up"));
        session.await("once", "exits", s -> s.status() == Status.EXITED);
        session.orchestrator.awaitIdle();
        assertEquals(List.of(), restartNotices("once"));
        assertEquals(1, session.state("once").run());
        assertEquals(List.of("hum: restart 1 in 100ms", "hum: gave up after 1 restart"), restartNotices("again"));
    }

    @Test
    void killedByASignalHumDidNotSend_countsAsAFailure() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  crash:
                    cmd: kill -KILL $$
                    restart: on-failure
                    backoff: 100ms
                    max_restarts: 1
                """);
        session.supervisor.startWanted(List.of());
        var end = session.await("crash", "gives up", s -> s.reason().startsWith("gave up"));
        assertEquals("KILLED SIGKILL", end.statusWord());
        assertEquals(List.of("hum: restart 1 in 100ms", "hum: gave up after 1 restart"), restartNotices("crash"));
    }

    @Test
    void delay_resetsAfterARunThatStayedUp() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  flaky:
                    cmd: n=$(cat n 2>/dev/null || echo 0); n=$((n+1)); echo $n > n; echo run $n; if [ $n -eq 3 ]; then sleep 2; fi; exit 1
                    restart: on-failure
                    backoff: 100ms
                    max_restarts: 3
                """,
                Duration.ofMillis(500));
        session.supervisor.startWanted(List.of());
        session.await("flaky", "gives up", s -> s.reason().startsWith("gave up"));
        assertEquals(
                List.of(
                        "hum: restart 1 in 100ms",
                        "hum: restart 2 in 200ms",
                        "hum: restart 1 in 100ms",
                        "hum: restart 2 in 200ms",
                        "hum: restart 3 in 400ms",
                        "hum: gave up after 3 restarts"),
                restartNotices("flaky"));
    }

    @Test
    void stoppedByHand_isNeverRestarted() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  web:
                    cmd: echo up; exec sleep 30
                    restart: always
                    backoff: 100ms
                """);
        session.supervisor.startWanted(List.of());
        session.awaitLine("web", "up");
        session.supervisor.stop("web").get();
        session.await("web", "stopped", s -> s.status() == Status.STOPPED);
        session.orchestrator.awaitIdle();
        assertEquals(Status.STOPPED, session.state("web").status());
        assertEquals(1, session.state("web").run());
        assertEquals(List.of(), restartNotices("web"));
    }

    @Test
    void backoff_restartByHandGoesAtOnce_stopCancelsIt() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  api:
                    cmd: echo boom; exit 1
                    restart: on-failure
                    backoff: 20s
                """);
        session.supervisor.startWanted(List.of());
        var waiting = session.await("api", "backs off", s -> s.status() == Status.BACKOFF);
        assertTrue(waiting.statusWord().matches("BACKOFF (20|19)s"), waiting.statusWord());
        session.supervisor.restart("api").get();
        session.await("api", "runs again", s -> s.run() >= 2);
        var second = session.await("api", "backs off again", s -> s.run() == 2 && s.status() == Status.BACKOFF);
        // the count goes on (the second run did not stay up), and the delay stops doubling at 30s
        assertEquals("restart 2 in 30s", second.reason());
        session.supervisor.stop("api").get();
        assertEquals(Status.STOPPED, session.state("api").status());
        session.orchestrator.awaitIdle();
        assertEquals(2, session.state("api").run());
    }

    @Test
    void quitDuringBackoff_leavesNothingRunningAndStartsNothing() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  api:
                    cmd: echo boom; exit 1
                    restart: always
                    backoff: 300ms
                """);
        session.supervisor.startWanted(List.of());
        session.await("api", "backs off", s -> s.status() == Status.BACKOFF);
        assertTrue(session.supervisor.stopAll());
        var end = session.state("api");
        assertEquals(Status.STOPPED, end.status());
        // the timer went with the scheduler: nothing is left that could begin a run
        assertTrue(session.orchestrator.awaitTerminated());
        assertEquals(1, session.state("api").run());
        assertEquals(Status.STOPPED, session.state("api").status());
    }

    @Test
    void quit_stopsDependentsBeforeTheirDependencies() throws Exception {
        String trap = "trap 'echo %s >> order.txt; exit 0' TERM; echo up; while :; do sleep 0.1; done";
        session = sessions.open(
                dir,
                """
                processes:
                  db:
                    cmd: "%s"
                  api:
                    cmd: "%s"
                    depends_on: [db]
                  worker:
                    cmd: "%s"
                    depends_on: { db: started }
                  web:
                    cmd: "%s"
                    depends_on: [api]
                """
                        .formatted(
                                trap.formatted("db"),
                                trap.formatted("api"),
                                trap.formatted("worker"),
                                trap.formatted("web")));
        session.supervisor.startWanted(List.of());
        for (String name : List.of("db", "api", "worker", "web")) {
            session.awaitLine(name, "up");
        }
        assertTrue(session.supervisor.stopAll());
        List<String> order = Files.readAllLines(dir.resolve("order.txt"));
        assertEquals(4, order.size(), order.toString());
        assertEquals("web", order.get(0));
        assertTrue(order.indexOf("api") < order.indexOf("db"), order.toString());
        assertTrue(order.indexOf("worker") < order.indexOf("db"), order.toString());
        assertEquals("db", order.get(3));
    }
}
