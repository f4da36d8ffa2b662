package dev.hum.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.control.ControlServer;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.process.Supervisor;
import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** send_input reaches a real read loop's stdin, through hum mcp on its own and bridged to a dashboard. */
final class McpSendInputTest {

    /** Prints wait-2, which its command line (shown in the log's first line) does not contain. */
    private static final String LOOP = "echo wait-$((1+1)); while read l; do echo \"got $l\"; done";

    @TempDir
    Path project;

    @TempDir
    Path runtime;

    @Test
    void sendInput_alone_aReadLoopGetsTheLine() throws Exception {
        Files.writeString(
                project.resolve("hum.yaml"),
                "processes:\n  reader:\n    cmd: '" + LOOP.replace("'", "''") + "'\n  idle:\n    cmd: sleep 1\n"
                        + "    autostart: false\n");
        try (Session s = new Session(project, runtime)) {
            s.initialize();
            assertFalse(Session.isError(s.call("scripts_run", "{\"name\":\"reader\"}")));
            Poll.until("the loop to wait", () -> logs(s), t -> t.contains("wait-2"));

            JsonNode sent = s.call("send_input", "{\"name\":\"reader\",\"text\":\"hello agent\"}");
            assertFalse(Session.isError(sent), sent.toString());
            Poll.until("the line to reach the loop", () -> logs(s), t -> t.contains("got hello agent"));

            assertFalse(
                    Session.isError(s.call("send_input", "{\"name\":\"reader\",\"text\":\"a\",\"newline\":false}")));
            assertFalse(Session.isError(s.call("send_input", "{\"name\":\"reader\",\"text\":\"b\"}")));
            Poll.until("the two parts as one line", () -> logs(s), t -> t.contains("got ab"));

            JsonNode idle = s.call("send_input", "{\"name\":\"idle\",\"text\":\"x\"}");
            assertTrue(Session.isError(idle), idle.toString());
            assertTrue(Session.text(idle).contains("has not been started"), idle.toString());
        }
    }

    @Test
    void sendInput_bridged_reachesTheDashboardsProcess() throws Exception {
        ProcessSpec reader = new ProcessSpec(
                "reader", new Command.Shell(LOOP), project, Map.of(), true, StopSignal.TERM, Duration.ofSeconds(2));
        try (Supervisor supervisor = new Supervisor(
                        new ProjectConfig(project, Origin.HUM_FILE, List.of(reader), new Settings(1000, 30)));
                ControlServer server = ControlServer.start(supervisor, project, runtime, note -> {})) {
            supervisor.startWanted(List.of());
            LogBuffer log = supervisor.find("reader").orElseThrow().log();
            Poll.until("the loop to wait", () -> text(log), t -> t.contains("wait-2"));
            try (Session s = new Session(project, runtime)) {
                s.initialize();
                JsonNode sent = s.call("send_input", "{\"name\":\"reader\",\"text\":\"over the bridge\"}");
                assertFalse(Session.isError(sent), sent.toString());
                Poll.until(
                        "the line to reach the dashboard's process",
                        () -> text(log),
                        t -> t.contains("got over the bridge"));
            }
        }
    }

    private static String logs(Session s) {
        try {
            return s.call("logs_stream", "{\"name\":\"reader\"}").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(LogBuffer log) {
        return String.join(
                "\n",
                log.readFrom(log.firstSeq(), 1000).lines().stream()
                        .map(LogLine::text)
                        .toList());
    }
}
