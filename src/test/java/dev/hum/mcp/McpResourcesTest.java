package dev.hum.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A real busy tree's CPU and memory as an agent reads them in scripts_status; none for a process not running. */
final class McpResourcesTest {

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
    void scriptsStatus_cpuAndMemoryOfABusyTree() throws Exception {
        Files.writeString(
                project.resolve("hum.yaml"),
                "processes:\n  busy:\n    cmd: sh -c 'while :; do :; done'; exit 0\n"
                        + "  job:\n    autostart: false\n    cmd: exit 0\n");
        try (Session s = new Session(project, runtime)) {
            s.initialize();
            s.call("scripts_run", "{\"name\":\"busy\"}");
            JsonNode busy = Poll.until(
                    "busy's CPU in scripts_status",
                    () -> {
                        try {
                            return status(s, "busy");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    b -> b.path("cpu_percent").asDouble() > 0);
            assertTrue(busy.path("rss_bytes").asLong() > 0, busy.toString());
            String text = Session.text(s.call("scripts_status", "{}"));
            assertTrue(text.matches("(?s).*busy: RUNNING.*, cpu [0-9.]+%, memory \\d+ MiB.*"), text);
            JsonNode job = status(s, "job");
            assertFalse(job.has("cpu_percent") || job.has("rss_bytes"), job.toString());
        }
    }
}
