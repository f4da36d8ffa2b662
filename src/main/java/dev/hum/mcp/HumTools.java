package dev.hum.mcp;

import static dev.hum.mcp.Schemas.bool;
import static dev.hum.mcp.Schemas.integer;
import static dev.hum.mcp.Schemas.object;
import static dev.hum.mcp.Schemas.properties;
import static dev.hum.mcp.Schemas.string;

import dev.hum.control.ControlException;
import dev.hum.control.LogPage;
import dev.hum.control.Matches;
import dev.hum.control.ProcessControl;
import dev.hum.control.ProcessInfo;
import dev.hum.control.Wire;
import dev.hum.process.ActionResult;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/** The tools, with Brummer's names where Brummer has them, over one {@link ProcessControl}; wait_for is {@link WaitTool}. */
final class HumTools {

    static final int DEFAULT_LOG_LIMIT = 100;
    static final int DEFAULT_SEARCH_LIMIT = 50;

    private static final String NAME = "name";

    /** Most characters one send_input takes: a typed line, well inside a pipe's 64 KiB. */
    static final int MAX_INPUT = 4096;

    private static final Map<String, Object> NAME_REQUIRED =
            properties(NAME, string("The process name, as scripts_list shows it.", ToolArguments.MAX_NAME));

    private final ProcessControl control;
    private final Cancellations cancellations;

    HumTools(ProcessControl control, Cancellations cancellations) {
        this.control = control;
        this.cancellations = cancellations;
    }

    List<SyncToolSpecification> all() {
        List<SyncToolSpecification> all = new ArrayList<>(scripts());
        all.add(WaitTool.spec(control, cancellations));
        return List.copyOf(all);
    }

    private List<SyncToolSpecification> scripts() {
        return List.of(
                tool(
                        "scripts_list",
                        "List the configured processes (dev server, watcher, ...) with their status and command.",
                        object(List.of(), properties()),
                        Set.of(),
                        args -> {
                            List<ProcessInfo> all = control.status(Optional.empty());
                            return done(Render.list(all), processes(all));
                        }),
                tool(
                        "scripts_run",
                        "Start a process unless it is already running. Returns once it has started or failed to.",
                        object(List.of(NAME), NAME_REQUIRED),
                        Set.of(NAME),
                        args -> action(control.run(args.requiredString(NAME, ToolArguments.MAX_NAME)))),
                tool(
                        "scripts_stop",
                        "Stop a process and its whole process tree (its stop signal, then SIGKILL after the timeout).",
                        object(List.of(NAME), NAME_REQUIRED),
                        Set.of(NAME),
                        args -> action(control.stop(args.requiredString(NAME, ToolArguments.MAX_NAME)))),
                tool(
                        "scripts_restart",
                        "Stop a process if it is running, then start it again.",
                        object(List.of(NAME), NAME_REQUIRED),
                        Set.of(NAME),
                        args -> action(control.restart(args.requiredString(NAME, ToolArguments.MAX_NAME)))),
                tool(
                        "send_input",
                        "Type a line into a running process's standard input, as a person at its terminal would:"
                                + " nodemon's rs, a test runner's keys, the answer to a prompt. The input is a pipe,"
                                + " not a terminal: a program that needs a TTY (raw keys, password prompts) will not"
                                + " see one. Fails at once, without waiting, when the process does not read its"
                                + " input.",
                        object(
                                List.of(NAME, "text"),
                                properties(
                                        NAME,
                                        string("The process name, as scripts_list shows it.", ToolArguments.MAX_NAME),
                                        "text",
                                        Map.of(
                                                "type",
                                                "string",
                                                "description",
                                                "The text to send; empty with newline true presses Enter.",
                                                "maxLength",
                                                MAX_INPUT),
                                        "newline",
                                        bool("Send a newline after the text, as Enter does.", true))),
                        Set.of(NAME, "text", "newline"),
                        args -> action(control.sendInput(
                                args.requiredString(NAME, ToolArguments.MAX_NAME),
                                args.string("text", MAX_INPUT)
                                        .orElseThrow(() -> new BadArguments("send_input needs text")),
                                args.flag("newline", true)))),
                tool(
                        "scripts_status",
                        "Status of one process or of all: status word, pid, uptime, exit code, restarts, log line count,"
                                + " the TCP ports it listens on, the local URLs it printed, a port conflict explained, CPU, memory.",
                        object(
                                List.of(),
                                properties(
                                        NAME,
                                        string(
                                                "A process name; leave out for every process.",
                                                ToolArguments.MAX_NAME))),
                        Set.of(NAME),
                        args -> {
                            List<ProcessInfo> found = control.status(args.string(NAME, ToolArguments.MAX_NAME));
                            return done(Render.status(found), processes(found));
                        }),
                tool(
                        "logs_stream",
                        "Read log lines. Without cursor: the newest lines. With cursor: the lines from that cursor on;"
                                + " pass the returned next_cursor (with the same name, or none) to get only newer lines."
                                + " With a name the cursor is that process's line number; without, lines of every"
                                + " process are interleaved and the cursor is session-wide. A cursor past the end of"
                                + " the log (from an earlier hum) is reset to the oldest line held, and the answer"
                                + " says so.",
                        object(
                                List.of(),
                                properties(
                                        NAME,
                                        string("A process name; leave out for every process.", ToolArguments.MAX_NAME),
                                        "cursor",
                                        integer(
                                                "Where to read from: 0 for the oldest line held, or the next_cursor"
                                                        + " of the previous call.",
                                                0,
                                                Long.MAX_VALUE,
                                                -1),
                                        "limit",
                                        integer(
                                                "Most lines to return. An answer holds at most "
                                                        + Render.kib(ProcessControl.MAX_ANSWER_BYTES)
                                                        + " of text and says how many lines it left out and"
                                                        + " the cursor to read them from.",
                                                1,
                                                ProcessControl.MAX_LIMIT,
                                                DEFAULT_LOG_LIMIT))),
                        Set.of(NAME, "cursor", "limit"),
                        args -> {
                            Optional<String> name = args.string(NAME, ToolArguments.MAX_NAME);
                            OptionalLong cursor = args.integer("cursor", 0, Long.MAX_VALUE);
                            int limit = (int) args.integer("limit", 1, ProcessControl.MAX_LIMIT)
                                    .orElse(DEFAULT_LOG_LIMIT);
                            LogPage page = control.logs(name, cursor, limit);
                            return done(Render.page(page, name.isPresent(), cursor), Wire.page(page));
                        }),
                tool(
                        "logs_search",
                        "Find the newest log lines matching a text (ignoring case) or a regex (RE2 syntax, as in Go and"
                                + " ripgrep), in one process or all.",
                        object(
                                List.of("query"),
                                properties(
                                        "query",
                                        string(
                                                "The text to find, or a regex when regex is true.",
                                                ToolArguments.MAX_QUERY),
                                        "regex",
                                        bool(
                                                "Treat query as a regular expression in RE2 syntax (case-sensitive unless (?i); no"
                                                        + " backreferences or lookaround). A plain text search is faster."),
                                        NAME,
                                        string(
                                                "A process name; leave out to search every process.",
                                                ToolArguments.MAX_NAME),
                                        "limit",
                                        integer(
                                                "Most matching lines to return (the newest). An answer holds at"
                                                        + " most " + Render.kib(ProcessControl.MAX_ANSWER_BYTES)
                                                        + " of text and says how many older matches it left out.",
                                                1,
                                                ProcessControl.MAX_LIMIT,
                                                DEFAULT_SEARCH_LIMIT))),
                        Set.of("query", "regex", NAME, "limit"),
                        args -> {
                            String query = args.requiredString("query", ToolArguments.MAX_QUERY);
                            boolean regex = args.flag("regex");
                            Optional<String> name = args.string(NAME, ToolArguments.MAX_NAME);
                            int limit = (int) args.integer("limit", 1, ProcessControl.MAX_LIMIT)
                                    .orElse(DEFAULT_SEARCH_LIMIT);
                            Matches found = control.search(name, query, regex, limit);
                            return done(Render.matches(found), Wire.matches(found));
                        }));
    }

    private static SyncToolSpecification tool(
            String name,
            String description,
            Map<String, Object> schema,
            Set<String> accepted,
            Function<ToolArguments, CallToolResult> body) {
        Tool tool = Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(schema)
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> {
                    try {
                        return body.apply(ToolArguments.of(name, request.arguments(), accepted));
                    } catch (BadArguments | ControlException e) {
                        return failed(String.valueOf(e.getMessage()));
                    } catch (RuntimeException e) {
                        // a bug of ours: say so to the model and on stderr, but keep serving
                        System.err.println("hum mcp: " + name + " failed: " + e);
                        return failed(name + " failed inside hum: " + e + "; try again, or report it");
                    }
                })
                .build();
    }

    private static CallToolResult action(ActionResult result) {
        if (!result.ok()) {
            return failed(result.message());
        }
        return done(result.message(), Wire.action(result));
    }

    private static ObjectNode processes(List<ProcessInfo> list) {
        ObjectNode o = Wire.object();
        o.set("processes", Wire.processes(list));
        return o;
    }

    private static CallToolResult done(String text, ObjectNode structured) {
        return CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(Wire.JSON.convertValue(structured, Map.class))
                .isError(false)
                .build();
    }

    static CallToolResult failed(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
