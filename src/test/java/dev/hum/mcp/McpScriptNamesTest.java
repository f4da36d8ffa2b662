package dev.hum.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** package.json scripts whose names are not shell words, run by an agent through the real npm. */
final class McpScriptNamesTest {

    @TempDir
    Path project;

    @TempDir
    Path runtime;

    @Test
    @Timeout(120) // only ends a hang: a session whose server refused the configuration waits for ever
    void scriptsRun_scriptNamedWithASpaceStartsByItsName() throws Exception {
        Files.writeString(
                project.resolve("package.json"),
                "{\"name\": \"shop\", \"scripts\": {\"dev\": \"exit 0\", \"weird name\": \"echo weird ran\"}}\n");
        // npm would otherwise look for a newer npm on the network
        Files.writeString(project.resolve(".npmrc"), "update-notifier=false\n");
        try (Session s = new Session(project, runtime)) {
            s.initialize();
            String list = Session.text(s.call("scripts_list", "{}"));
            assertTrue(list.contains("weird name: NOT STARTED"), list);

            JsonNode run = s.call("scripts_run", "{\"name\":\"weird name\"}");
            assertFalse(Session.isError(run), run.toString());
            Poll.until(
                    "the script's line",
                    () -> McpProtocolTest.text(s, "logs_stream", "{\"name\":\"weird name\"}"),
                    text -> text.contains("weird ran"));
        }
    }
}
