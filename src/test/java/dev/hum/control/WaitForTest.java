package dev.hum.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.process.Supervisor;
import dev.hum.testing.OwnThread;
import dev.hum.testing.Poll;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** wait_for on real processes, in this JVM and over the real socket. */
@Timeout(120) // only ends a hang; every wait below is woken by the process, not by a timer
final class WaitForTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    @TempDir
    Path project;

    @TempDir
    Path tmp;

    private Supervisor supervisor;

    @AfterEach
    void stopAll() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    private LocalControl control(String... nameAndScript) {
        List<ProcessSpec> specs = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndScript.length; i += 2) {
            specs.add(new ProcessSpec(
                    nameAndScript[i],
                    new Command.Shell(nameAndScript[i + 1]),
                    project,
                    Map.of(),
                    false,
                    StopSignal.TERM,
                    Duration.ofSeconds(2)));
        }
        supervisor = new Supervisor(new ProjectConfig(project, Origin.HUM_FILE, specs, new Settings(1000, 30)));
        return new LocalControl(supervisor, false);
    }

    private static WaitRequest request(String name, Until until, Duration timeout) {
        return new WaitRequest(name, until, timeout, OptionalLong.empty());
    }

    /** A script that prints {@code line} once the test creates the file {@code go}. */
    private String printsWhenGo(String line) {
        return "while [ ! -e " + project.resolve("go") + " ]; do sleep 0.02; done; echo before; echo '" + line
                + "'; exec sleep 60";
    }

    private void go() throws IOException {
        Files.writeString(project.resolve("go"), "");
    }

    @Test
    void waitFor_readyAnswersOnceStarted() throws Exception {
        LocalControl control = control("web", "exec sleep 60");
        control.run("web");
        WaitResult r = control.waitFor(request("web", new Until.Ready(), LONG), Cancel.none());
        assertEquals(WaitResult.MET, r.outcome(), r.message());
        assertEquals("RUNNING", r.process().status());
    }

    @Test
    void waitFor_aLinePrintedAfterTheCallBeganWakesTheWait() throws Exception {
        LocalControl control = control("web", printsWhenGo("ready in 12 ms"));
        control.run("web");
        CompletableFuture<WaitResult> waiting = OwnThread.supply(
                () -> control.waitFor(request("web", new Until.Log("ready in \\d+ ms", true), LONG), Cancel.none()));
        Poll.until(
                "the waiter to be registered",
                () -> !supervisor.find("web").orElseThrow().log().waiters().isEmpty());
        go();
        WaitResult r = waiting.get(60, TimeUnit.SECONDS);
        assertEquals(WaitResult.MET, r.outcome(), r.message());
        assertEquals("ready in 12 ms", r.line().orElseThrow().text());
        assertEquals(r.line().get().seq() + 1, r.nextCursor());
        assertEquals("before", r.before().get(r.before().size() - 1).text());
    }

    @Test
    void waitFor_anAnswerAtOnceWhenTheLineIsAlreadyThere() throws Exception {
        LocalControl control = control("web", "echo listening on 3000; exec sleep 60");
        control.run("web");
        Poll.until(
                "the line",
                () -> control.search(java.util.Optional.of("web"), "listening", false, 1)
                                .found()
                                .size()
                        == 1);
        WaitResult r = control.waitFor(request("web", new Until.Log("LISTENING", false), LONG), Cancel.none());
        assertEquals("listening on 3000", r.line().orElseThrow().text());
    }

    @Test
    void waitFor_aCursorPastTheLineWaitsForTheNextOne() throws Exception {
        LocalControl control = control("web", "echo tick; " + printsWhenGo("tick"));
        control.run("web");
        WaitResult first = control.waitFor(request("web", new Until.Log("tick", false), LONG), Cancel.none());
        CompletableFuture<WaitResult> second = OwnThread.supply(() -> control.waitFor(
                new WaitRequest("web", new Until.Log("tick", false), LONG, OptionalLong.of(first.nextCursor())),
                Cancel.none()));
        Poll.until(
                "the waiter to be registered",
                () -> !supervisor.find("web").orElseThrow().log().waiters().isEmpty());
        go();
        assertTrue(second.get(60, TimeUnit.SECONDS).line().orElseThrow().seq()
                > first.line().orElseThrow().seq());
    }

    @Test
    void waitFor_timeoutSaysSoWithTheTail() throws Exception {
        LocalControl control = control("web", "echo hello; exec sleep 60");
        control.run("web");
        WaitResult r =
                control.waitFor(request("web", new Until.Log("never", false), Duration.ofMillis(300)), Cancel.none());
        assertEquals(WaitResult.TIMEOUT, r.outcome());
        assertTrue(r.message().contains("timed out"), r.message());
        assertTrue(r.tail().stream().anyMatch(e -> e.text().equals("hello")), r.tail()::toString);
    }

    @Test
    void waitFor_anExitBeforeTheMatchFailsWithTheTailAndStderrMarked() throws Exception {
        LocalControl control = control("api", "echo starting; echo 'Error: EADDRINUSE' >&2; exit 1");
        control.run("api");
        WaitResult r = control.waitFor(request("api", new Until.Log("listening", false), LONG), Cancel.none());
        assertEquals(WaitResult.ENDED, r.outcome(), r.message());
        assertTrue(r.message().contains("FAILED 1"), r.message());
        assertTrue(
                r.tail().stream()
                        .anyMatch(e -> e.stream().equals("STDERR") && e.text().contains("EADDRINUSE")),
                r.tail()::toString);
    }

    @Test
    void waitFor_exitIsMetWhenTheProcessEnds() throws Exception {
        LocalControl control =
                control("job", "while [ ! -e " + project.resolve("go") + " ]; do sleep 0.02; done; exit 0");
        control.run("job");
        CompletableFuture<WaitResult> waiting =
                OwnThread.supply(() -> control.waitFor(request("job", new Until.Exit(), LONG), Cancel.none()));
        Poll.until(
                "the waiter to be registered",
                () -> !supervisor.find("job").orElseThrow().cell().waiters().isEmpty());
        go();
        WaitResult r = waiting.get(60, TimeUnit.SECONDS);
        assertEquals(WaitResult.MET, r.outcome(), r.message());
        assertEquals("EXITED 0", r.process().status());
    }

    @Test
    void waitFor_aNotStartedProcessFailsAtOnce() {
        LocalControl control = control("web", "exec sleep 60");
        WaitResult r = control.waitFor(request("web", new Until.Ready(), LONG), Cancel.none());
        assertEquals(WaitResult.ENDED, r.outcome());
        assertTrue(r.message().contains("not started"), r.message());
    }

    @Test
    void waitFor_portIsMetWhenSomethingListens() throws Exception {
        LocalControl control = control("web", "exec sleep 60");
        control.run("web");
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            WaitResult r = control.waitFor(request("web", new Until.Port(server.getLocalPort()), LONG), Cancel.none());
            assertEquals(WaitResult.MET, r.outcome(), r.message());
        }
    }

    @Test
    void waitFor_cancelEndsTheWait() throws Exception {
        LocalControl control = control("web", "exec sleep 60");
        control.run("web");
        Cancel cancel = new Cancel();
        CompletableFuture<WaitResult> waiting =
                OwnThread.supply(() -> control.waitFor(request("web", new Until.Log("never", false), LONG), cancel));
        Poll.until(
                "the waiter to be registered",
                () -> !supervisor.find("web").orElseThrow().log().waiters().isEmpty());
        cancel.cancel();
        assertEquals(WaitResult.CANCELLED, waiting.get(60, TimeUnit.SECONDS).outcome());
        assertTrue(supervisor.find("web").orElseThrow().log().waiters().isEmpty(), "the waiter is gone");
    }

    @Test
    void waitFor_bridgedOverTheSocket() throws Exception {
        LocalControl local = control("web", printsWhenGo("compiled successfully"));
        local.run("web");
        try (ControlServer server =
                        ControlServer.listen(local, SocketPath.forProject(tmp.resolve("run"), project), n -> {});
                ControlClient client =
                        ControlClient.find(tmp.resolve("run"), project).orElseThrow()) {
            CompletableFuture<WaitResult> waiting = OwnThread.supply(
                    () -> client.waitFor(request("web", new Until.Log("compiled", false), LONG), Cancel.none()));
            Poll.until(
                    "the waiter to be registered",
                    () -> !supervisor.find("web").orElseThrow().log().waiters().isEmpty());
            go();
            WaitResult r = waiting.get(60, TimeUnit.SECONDS);
            assertEquals("compiled successfully", r.line().orElseThrow().text());
            WaitResult timeout =
                    client.waitFor(request("web", new Until.Exit(), Duration.ofMillis(200)), Cancel.none());
            assertEquals(WaitResult.TIMEOUT, timeout.outcome());
            assertTrue(timeout.tail().stream().anyMatch(e -> e.text().equals("compiled successfully")));
        }
    }

    @Test
    void waitFor_bridgedCancelEndsTheDashboardsWaitToo() throws Exception {
        LocalControl local =
                control("web", "exec sleep 600"); // outlives the hang limit: only the hang-up ends the wait
        local.run("web");
        try (ControlServer server =
                        ControlServer.listen(local, SocketPath.forProject(tmp.resolve("run"), project), n -> {});
                ControlClient client =
                        ControlClient.find(tmp.resolve("run"), project).orElseThrow()) {
            Cancel cancel = new Cancel();
            CompletableFuture<WaitResult> waiting =
                    OwnThread.supply(() -> client.waitFor(request("web", new Until.Log("never", false), LONG), cancel));
            Poll.until(
                    "the dashboard's waiter",
                    () -> !supervisor.find("web").orElseThrow().log().waiters().isEmpty());
            cancel.cancel();
            assertEquals(WaitResult.CANCELLED, waiting.get(60, TimeUnit.SECONDS).outcome());
            // the hang-up ends the wait on the dashboard's side as well, not ten minutes later
            Poll.until(
                    "the dashboard's waiter to go",
                    () -> supervisor.find("web").orElseThrow().log().waiters().isEmpty());
        }
    }
}
