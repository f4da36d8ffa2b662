package dev.hum.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import dev.hum.testing.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Ports, URLs and port conflicts of real servers as an agent reads them in scripts_status and scripts_list. */
final class McpPortsTest {

    @TempDir
    Path project;

    @TempDir
    Path runtime;

    private static JsonNode web(Session s, String name) throws Exception {
        return s.call("scripts_status", "{\"name\":\"" + name + "\"}")
                .path("structuredContent")
                .path("processes")
                .get(0);
    }

    @Test
    void scriptsStatus_portsAndUrlsOfARealServer() throws Exception {
        Path script = Servers.script(project);
        Files.writeString(project.resolve("hum.yaml"), "processes:\n  web:\n    cmd: python3 " + script + "; exit 0\n");
        try (Session s = new Session(project, runtime)) {
            s.initialize();
            s.call("scripts_run", "{\"name\":\"web\"}");
            JsonNode web = Poll.until(
                    "web's port in scripts_status",
                    () -> {
                        try {
                            return web(s, "web");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    w -> w.path("ports").size() == 1 && w.path("urls").size() == 1);
            int port = web.path("ports").get(0).asInt();
            assertTrue(port > 0, web.toString());
            assertEquals(
                    "http://localhost:" + port + "/", web.path("urls").get(0).asString());
            assertTrue(web.path("rss_bytes").asLong() > 0, web.toString());
            String text = Session.text(s.call("scripts_status", "{}"));
            assertTrue(text.contains(", ports :" + port + ", urls http://localhost:" + port + "/"), text);
            String list = Session.text(s.call("scripts_list", "{}"));
            assertTrue(list.contains("urls http://localhost:" + port + "/"), list);
            // wait_for answers with where the process can be reached, so an agent needs no second call
            String waited =
                    Session.text(s.call("wait_for", "{\"name\":\"web\",\"until\":\"port\",\"port\":" + port + "}"));
            assertTrue(waited.contains("listening on :" + port + ", urls http://localhost:" + port + "/"), waited);
        }
    }

    @Test
    void scriptsStatus_explainsAPortConflict() throws Exception {
        try (Servers.Outside holder = Servers.startOutside(project)) {
            Files.writeString(
                    project.resolve("hum.yaml"),
                    "processes:\n  web:\n    cmd: python3 -m http.server " + holder.port() + " --bind 127.0.0.1\n");
            try (Session s = new Session(project, runtime)) {
                s.initialize();
                s.call("scripts_run", "{\"name\":\"web\"}");
                JsonNode web = Poll.until(
                        "the conflict in scripts_status",
                        () -> {
                            try {
                                return web(s, "web");
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        w -> w.has("port_conflict"));
                String expected = "hum: port " + holder.port() + " is held by pid "
                        + holder.process().pid() + " (python3 ";
                assertTrue(web.path("port_conflict").asString().startsWith(expected), web.toString());
                String text = Session.text(s.call("scripts_status", "{\"name\":\"web\"}"));
                assertTrue(text.contains("\n  " + expected), text);
                String log = Session.text(s.call("logs_search", "{\"query\":\"is held by pid\"}"));
                assertTrue(log.contains(expected), log);
            }
        }
    }
}
