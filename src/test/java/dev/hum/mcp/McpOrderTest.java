package dev.hum.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** scripts_status says what a process waits for, whether it is ready, and when it restarts. */
final class McpOrderTest {

    @TempDir
    Path project;

    @TempDir
    Path runtime;

    private static JsonNode status(Session s, String name) throws Exception {
        return s.call("scripts_status", "{\"name\":\"" + name + "\"}")
                .path("structuredContent")
                .path("processes")
                .get(0);
    }

    @Test
    void scriptsStatus_readyWaitingForAndNextRestart() throws Exception {
        try (ServerSocket db = new ServerSocket(0)) {
            int port = db.getLocalPort();
            db.close(); // nothing answers until the test listens again
            Files.writeString(
                    project.resolve("hum.yaml"),
                    """
                    processes:
                      db:
                        cmd: exec sleep 60
                        autostart: false
                        ready: { tcp: %d, interval: 100ms }
                      api:
                        cmd: exec sleep 60
                        autostart: false
                        depends_on: [db]
                      crash:
                        cmd: exit 1
                        autostart: false
                        restart: on-failure
                        backoff: 20s
                    """
                            .formatted(port));
            try (Session s = new Session(project, runtime)) {
                s.initialize();
                s.call("scripts_run", "{\"name\":\"api\"}");
                JsonNode api = Poll.until("api waits", () -> uncheck(() -> status(s, "api")), n -> n.path("status")
                        .asString()
                        .equals("WAITING"));
                assertEquals(
                        "db: ready (tcp " + port + ")",
                        api.path("waiting_for").get(0).asString());
                assertFalse(api.path("ready").asBoolean());
                assertEquals("no", api.path("restart_policy").asString());
                assertTrue(Session.text(s.call("scripts_status", "{\"name\":\"api\"}"))
                        .contains("(waiting for db: ready (tcp " + port + "))"));

                try (ServerSocket listening = new ServerSocket(port)) {
                    JsonNode ready = Poll.until("api ready", () -> uncheck(() -> status(s, "api")), n -> n.path("ready")
                            .asBoolean());
                    assertEquals("RUNNING", ready.path("status").asString());
                    assertTrue(status(s, "db").path("ready").asBoolean());
                }

                s.call("scripts_run", "{\"name\":\"crash\"}");
                JsonNode crash = Poll.until(
                        "crash backs off", () -> uncheck(() -> status(s, "crash")), n -> n.has("next_restart_in"));
                long left = crash.path("next_restart_in").asLong();
                assertTrue(left > 0 && left <= 20, crash.toString());
                assertEquals("on-failure", crash.path("restart_policy").asString());
                assertTrue(crash.path("status").asString().startsWith("BACKOFF "), crash.toString());
            }
        }
    }

    interface Call<T> {
        T get() throws Exception;
    }

    private static <T> T uncheck(Call<T> call) {
        try {
            return call.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
