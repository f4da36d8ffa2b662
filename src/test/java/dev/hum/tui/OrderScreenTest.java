package dev.hum.tui;

import dev.hum.config.ConfigLoader;
import dev.hum.orchestration.Orchestrator;
import dev.hum.process.Supervisor;
import dev.hum.state.Status;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard shows WAITING, BLOCKED and BACKOFF as words, and the log pane's title says why. */
final class OrderScreenTest {

    @TempDir
    Path dir;

    @Test
    void list_andTitleSayWhatAProcessWaitsFor() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = dir.resolve("hum.yaml");
        Files.writeString(
                file,
                """
                processes:
                  db:
                    cmd: exec sleep 60
                    ready: { tcp: %d, interval: 100ms }
                  api:
                    cmd: exec sleep 60
                    depends_on: [db]
                  migrate:
                    cmd: exit 3
                  web:
                    cmd: exec sleep 60
                    depends_on: { migrate: exited 0 }
                  crash:
                    cmd: exit 1
                    restart: on-failure
                    backoff: 20s
                """
                        .formatted(port));
        Supervisor supervisor = new Supervisor(ConfigLoader.load(file));
        Orchestrator.attach(supervisor);
        try (ScreenHarness h = new ScreenHarness(140, 20, supervisor, "order")) {
            h.startAll();
            h.awaitText("WAITING");
            h.awaitText("BLOCKED");
            h.awaitText("BACKOFF 2"); // 20s or 19s left
            h.await(() -> supervisor.find("api").orElseThrow().state().status() == Status.WAITING, "api waits");
            h.press('j'); // all → db
            h.press('j'); // api
            h.awaitText("api · WAITING · waiting for db: ready (tcp " + port + ")");
            h.press('j'); // migrate
            h.press('j'); // web
            h.awaitText("web · BLOCKED · blocked: migrate FAILED 3");
            try (ServerSocket listening = new ServerSocket(port)) {
                h.press('k');
                h.press('k');
                h.press('k'); // db
                h.awaitText("db · RUNNING · ✓ ready · exec sleep 60");
                h.await(() -> supervisor.find("api").orElseThrow().state().status() == Status.RUNNING, "api runs");
            }
        }
    }
}
