package dev.hum.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.control.Wire;
import dev.hum.testing.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** hum mcp spoken to over pipes with raw JSON-RPC, supervising its own processes. */
final class McpProtocolTest {

    static final String CONFIG = String.join(
            "\n",
            "processes:",
            "  web:",
            "    cmd: 'echo listening on 3000; echo \"error: boom\" >&2; exec sleep 60'",
            "    stop_timeout: 2s",
            "  once:",
            "    cmd: seq 1 3",
            "    autostart: false",
            "");

    @TempDir
    Path project;

    @TempDir
    Path runtime;

    private Session open() throws IOException {
        Files.writeString(project.resolve("hum.yaml"), CONFIG);
        return new Session(project, runtime);
    }

    @Test
    void initialize_namesHumAndOffersTools() throws Exception {
        try (Session s = open()) {
            JsonNode init = s.initialize().path("result");
            assertEquals("hum", init.path("serverInfo").path("name").asString());
            assertTrue(init.path("capabilities").has("tools"));
        }
    }

    @Test
    void toolsList_describesEveryArgumentOfTheSevenTools() throws Exception {
        try (Session s = open()) {
            s.initialize();
            JsonNode tools =
                    s.request("tools/list", Wire.object()).path("result").path("tools");
            List<String> names = new ArrayList<>();
            for (JsonNode tool : tools) {
                names.add(tool.path("name").asString());
                assertFalse(tool.path("description").asString("").isEmpty(), tool.toString());
                for (JsonNode property : tool.path("inputSchema").path("properties")) {
                    assertFalse(property.path("description").asString("").isEmpty(), tool.toString());
                }
            }
            assertEquals(
                    List.of(
                            "logs_search",
                            "logs_stream",
                            "scripts_list",
                            "scripts_restart",
                            "scripts_run",
                            "scripts_status",
                            "scripts_stop",
                            "send_input",
                            "wait_for"),
                    names.stream().sorted().toList());
        }
    }

    @Test
    void everyTool_runsReadsSearchesRestartsStops() throws Exception {
        try (Session s = open()) {
            s.initialize();
            JsonNode list = s.call("scripts_list", "{}");
            assertTrue(Session.text(list).contains("web: NOT STARTED"), Session.text(list));
            assertEquals(2, list.path("structuredContent").path("processes").size());

            JsonNode run = s.call("scripts_run", "{\"name\":\"web\"}");
            assertFalse(Session.isError(run), run.toString());
            assertTrue(Session.text(run).contains("web started"), Session.text(run));
            Poll.until("web's error line", () -> text(s, "logs_stream", "{\"name\":\"web\"}")
                    .contains("error: boom"));

            JsonNode status = s.call("scripts_status", "{\"name\":\"web\"}");
            JsonNode web = status.path("structuredContent").path("processes").get(0);
            assertEquals("RUNNING", web.path("status").asString());
            assertTrue(web.path("pid").asLong() > 0);
            // hum's start notice and the two lines; the count is published just after the lines
            Poll.until(
                    "three lines counted", () -> text(s, "scripts_status", "{}").contains("lines 3"));

            // stdout and stderr have their own pumps, so lines 1 and 2 may come in either order
            JsonNode page = s.call("logs_stream", "{\"name\":\"web\",\"cursor\":1,\"limit\":2}");
            assertEquals(2, page.path("structuredContent").path("lines").size());
            assertEquals(3, page.path("structuredContent").path("next_cursor").asLong());
            assertTrue(Session.text(page).contains(" | listening on 3000"), Session.text(page));
            JsonNode rest = s.call("logs_stream", "{\"name\":\"web\",\"cursor\":3}");
            assertEquals(0, rest.path("structuredContent").path("lines").size());

            JsonNode all = s.call("logs_stream", "{}");
            assertTrue(Session.text(all).contains(" ! error: boom"), Session.text(all));

            JsonNode search = s.call("logs_search", "{\"query\":\"ERROR: B\"}");
            assertTrue(Session.text(search).contains("error: boom"), Session.text(search));
            JsonNode regex =
                    s.call("logs_search", "{\"query\":\"^listening on \\\\d+$\",\"regex\":true,\"name\":\"web\"}");
            assertEquals(1, regex.path("structuredContent").path("matches").size(), regex.toString());

            JsonNode restart = s.call("scripts_restart", "{\"name\":\"web\"}");
            assertFalse(Session.isError(restart), restart.toString());
            JsonNode after =
                    s.call("scripts_status", "{}").path("structuredContent").path("processes");
            assertEquals(1, after.get(0).path("restarts").asInt());

            JsonNode stop = s.call("scripts_stop", "{\"name\":\"web\"}");
            assertTrue(Session.text(stop).contains("web stopped"), Session.text(stop));
            assertTrue(
                    Session.text(s.call("scripts_status", "{\"name\":\"web\"}")).startsWith("web: STOPPED"));
        }
    }

    @Test
    void toolsCall_unknownToolIsAnError() throws Exception {
        try (Session s = open()) {
            s.initialize();
            JsonNode params = Wire.JSON.readTree("{\"name\":\"scripts_explode\",\"arguments\":{}}");
            JsonNode response = s.request("tools/call", params);
            assertTrue(
                    response.has("error")
                            || response.path("result").path("isError").asBoolean(),
                    response.toString());
        }
    }

    @Test
    void toolsCall_badArgumentsAreErrorResultsThatSayWhatToTry() throws Exception {
        try (Session s = open()) {
            s.initialize();
            assertTrue(Session.isError(s.call("scripts_run", "{}")));
            assertTrue(Session.isError(s.call("scripts_status", "{\"name\":5}")));
            assertTrue(Session.isError(s.call("logs_stream", "{\"limit\":0}")));
            assertTrue(Session.isError(s.call("logs_stream", "{\"cursor\":-3}")));
            assertTrue(Session.isError(s.call("logs_search", "{\"query\":\"(\",\"regex\":true}")));
            assertTrue(Session.isError(s.call("scripts_list", "{\"colour\":\"red\"}")));
            JsonNode unknown = s.call("scripts_run", "{\"name\":\"db\"}");
            assertTrue(Session.isError(unknown));
            assertTrue(Session.text(unknown).contains("known: web, once"), Session.text(unknown));
        }
    }

    @Test
    void logsStream_aCursorPastTheEndIsResetAndSaysSo() throws Exception {
        try (Session s = open()) {
            s.initialize();
            assertFalse(Session.isError(s.call("scripts_run", "{\"name\":\"once\"}")));
            // hum's start notice, 1 2 3, then the exit notice
            Poll.until("once's exit notice", () -> text(s, "logs_stream", "{\"name\":\"once\"}")
                    .contains("exited"));
            // a cursor from an earlier hum, far past the end of this session's logs: with a name and without,
            // the lines held are read from the oldest, and the answer says the cursor was reset
            for (String args : List.of("{\"name\":\"once\",\"cursor\":1078}", "{\"cursor\":1078}")) {
                JsonNode page = s.call("logs_stream", args);
                assertFalse(Session.isError(page), page.toString());
                JsonNode structured = page.path("structuredContent");
                assertTrue(structured.path("cursor_reset").asBoolean(), args + " -> " + page);
                assertTrue(Session.text(page).contains("cursor 1078 is past the end"), Session.text(page));
                assertTrue(Session.text(page).contains(" | 3"), Session.text(page));
                long next = structured.path("next_cursor").asLong();
                assertTrue(next < 1078, args + " -> " + page);
                // the cursor it gave back is this session's: no reset the next time
                String again = args.replace("1078", Long.toString(next));
                JsonNode after = s.call("logs_stream", again);
                assertFalse(after.path("structuredContent").path("cursor_reset").asBoolean(), after.toString());
                assertTrue(Session.text(after).contains("(no new lines)"), Session.text(after));
            }
        }
    }

    @Test
    void toolsCall_malformedParamsAreInvalidParamsInTheProtocolsWords() throws Exception {
        try (Session s = open()) {
            s.initialize();
            List<String> malformed = List.of(
                    "{\"name\":\"scripts_list\",\"arguments\":[1,2]}",
                    "{\"name\":\"scripts_list\",\"arguments\":\"all\"}",
                    "{\"arguments\":{}}",
                    "{\"name\":7,\"arguments\":{}}",
                    "{\"name\":\"scripts_list\",\"arguments\":{},\"_meta\":[1]}",
                    "[\"scripts_list\"]");
            for (String params : malformed) {
                assertInvalidParams(s.request("tools/call", Wire.JSON.readTree(params)), params);
            }
            JsonNode none = s.request("tools/call", null);
            assertInvalidParams(none, "no params");
            // says what to send
            assertTrue(none.toString().contains("\\\"arguments\\\": {...}"), none.toString());
            assertInvalidParams(s.request("initialize", null), "initialize without params");
            String roots = "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"roots\":[]},\"clientInfo\":{}}";
            assertInvalidParams(s.request("initialize", Wire.JSON.readTree(roots)), roots);
            assertFalse(Session.isError(s.call("scripts_list", "{}")));
        }
    }

    @Test
    void logsSearch_aBadRegexQuotesTheFaultyPartNotAnIndex() throws Exception {
        try (Session s = open()) {
            s.initialize();
            JsonNode answer = s.call("logs_search", "{\"query\":\"(ab\",\"regex\":true}");
            assertTrue(Session.isError(answer), answer.toString());
            String text = Session.text(answer);
            assertTrue(text.contains("missing closing ) in `(ab`"), text);
            assertFalse(text.contains("index"), text);
        }
    }

    private static void assertInvalidParams(JsonNode response, String what) {
        JsonNode error = response.path("error");
        assertEquals(-32602, error.path("code").asInt(), what + " -> " + response);
        String said = error.toString();
        for (String java : List.of("Exception", "jackson", "java.", "null")) {
            assertFalse(said.contains(java), what + " -> " + said);
        }
        assertTrue(error.path("message").asString().startsWith("Invalid params: "), what + " -> " + said);
    }

    @Test
    @Timeout(60) // java.util.regex would hang here for hours: fail instead
    void logsSearch_regexesThatBacktrackForHoursInJavaRegexAnswerAtOnce() throws Exception {
        Files.writeString(
                project.resolve("hum.yaml"),
                "processes:\n  trap:\n    cmd: printf '" + "a".repeat(60) + "!\\n'; exec sleep 60\n");
        try (Session s = new Session(project, runtime)) {
            s.initialize();
            assertFalse(Session.isError(s.call("scripts_run", "{\"name\":\"trap\"}")));
            // anchored: the start notice quotes the command, a's and all
            Poll.until("the trap line", () -> text(s, "logs_search", "{\"query\":\"^a+!$\",\"regex\":true}")
                    .contains("aaaa!"));
            // java.util.regex tries every way to cut the 60 a's into 20 parts before it gives up at the '!' (about
            // 60^20 / 20! steps), and 2^40 ways through forty empty alternatives at every position of every line
            // (without reading a character). With RE2/J both are linear: an answer, no match, no spinning thread.
            for (String pattern : List.of("(.*a){20}$", "(?:|)".repeat(40) + "$^")) {
                JsonNode answer = s.call("logs_search", "{\"query\":\"" + pattern + "\",\"regex\":true}");
                assertFalse(Session.isError(answer), answer.toString());
                assertEquals(0, answer.path("structuredContent").path("matches").size(), answer.toString());
            }
            JsonNode lookaround = s.call("logs_search", "{\"query\":\"a(?!b)\",\"regex\":true}");
            assertTrue(Session.isError(lookaround), lookaround.toString());
            assertTrue(Session.text(lookaround).contains("RE2 syntax"), Session.text(lookaround));
            assertTrue(Session.text(lookaround).contains("set regex to false"), Session.text(lookaround));
        }
    }

    @Test
    void toolsCall_oversizedArgumentsAreRefusedAndTheServerCarriesOn() throws Exception {
        try (Session s = open()) {
            s.initialize();
            String longName = "x".repeat(10_000);
            assertTrue(Session.isError(s.call("scripts_status", "{\"name\":\"" + longName + "\"}")));
            byte[] huge = new byte[ProtocolInput.MAX_MESSAGE + 100];
            Arrays.fill(huge, (byte) 'a');
            huge[huge.length - 1] = '\n';
            s.sendRaw(huge);
            assertEquals(
                    ProtocolInput.INVALID_REQUEST,
                    s.responseTo(null).path("error").path("code").asInt());
            assertFalse(Session.isError(s.call("scripts_list", "{}")));
        }
    }

    @Test
    void stdin_malformedJsonIsAnsweredAndTheServerCarriesOn() throws Exception {
        try (Session s = open()) {
            s.initialize();
            s.sendLine("{\"jsonrpc\":\"2.0\",\"id\":");
            assertEquals(
                    ProtocolInput.PARSE_ERROR,
                    s.responseTo(null).path("error").path("code").asInt());
            s.sendRaw("\u00ff\u00fe not json\n".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(
                    ProtocolInput.PARSE_ERROR,
                    s.responseTo(null).path("error").path("code").asInt());
            s.sendLine("{\"jsonrpc\":\"2.0\",\"id\":77,\"no\":\"method\"}");
            assertEquals(
                    ProtocolInput.INVALID_REQUEST,
                    s.responseTo(77).path("error").path("code").asInt());
            assertFalse(Session.isError(s.call("scripts_list", "{}")));
        }
    }

    @Test
    void end_ofStdinStopsEveryProcess() throws Exception {
        Session s = open();
        s.initialize();
        s.call("scripts_run", "{\"name\":\"web\"}");
        long pid = s.call("scripts_status", "{\"name\":\"web\"}")
                .path("structuredContent")
                .path("processes")
                .get(0)
                .path("pid")
                .asLong();
        assertTrue(pid > 0);
        assertEquals(0, s.end());
        assertFalse(
                ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " outlived hum mcp");
    }

    static String text(Session s, String tool, String args) {
        try {
            return Session.text(s.call(tool, args));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
