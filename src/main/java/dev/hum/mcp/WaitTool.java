package dev.hum.mcp;

import static dev.hum.mcp.Schemas.integer;
import static dev.hum.mcp.Schemas.object;
import static dev.hum.mcp.Schemas.properties;
import static dev.hum.mcp.Schemas.string;

import dev.hum.control.Cancel;
import dev.hum.control.ControlException;
import dev.hum.control.LogEntry;
import dev.hum.control.ProcessControl;
import dev.hum.control.Until;
import dev.hum.control.WaitRequest;
import dev.hum.control.WaitResult;
import dev.hum.control.Wire;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** The {@code wait_for} tool: one call that returns when a process is ready, has exited, printed a line or listens. */
final class WaitTool {

    /*
     * The call's thread (the SDK's) blocks in ProcessControl.waitFor, which sleeps until the process changes.
     * Progress notifications come from one shared daemon timer, once a second per wait that asked for them;
     * a cancellation comes from the protocol reader through Cancellations.
     */

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hum-mcp-progress");
        t.setDaemon(true);
        return t;
    });

    private static final Set<String> ACCEPTED = Set.of("name", "until", "pattern", "text", "port", "timeout", "cursor");

    private WaitTool() {}

    static SyncToolSpecification spec(ProcessControl control, Cancellations cancellations) {
        Map<String, Object> until = Map.of(
                "type",
                "string",
                "enum",
                List.of("ready", "exit", "log", "port"),
                "description",
                "ready: the process is ready (started and running); exit: it has ended; log: it prints a line"
                        + " matching pattern (RE2 regex) or text (plain, ignoring case); port: a TCP connection to"
                        + " localhost:port succeeds.");
        Tool tool = Tool.builder()
                .name("wait_for")
                .description("Wait until a process is ready, has exited, prints a matching line or listens on a"
                        + " port, instead of sleeping. Answers as soon as the condition holds (at once if it"
                        + " already does) with the matching line, its cursor and the lines before it; answers"
                        + " with an error and the process's last " + 20 + " lines if the timeout passes or the"
                        + " process ends first.")
                .inputSchema(object(
                        List.of("name", "until"),
                        properties(
                                "name",
                                string("The process name, as scripts_list shows it.", ToolArguments.MAX_NAME),
                                "until",
                                until,
                                "pattern",
                                string("With until=log: an RE2 regex a line must match.", ToolArguments.MAX_QUERY),
                                "text",
                                string(
                                        "With until=log: a plain text a line must contain (ignoring case).",
                                        ToolArguments.MAX_QUERY),
                                "port",
                                integer("With until=port: the TCP port on localhost.", 1, 65535, -1),
                                "timeout",
                                integer(
                                        "Seconds to wait at most (up to " + WaitRequest.MAX_TIMEOUT.toSeconds() + ").",
                                        0,
                                        WaitRequest.MAX_TIMEOUT.toSeconds(),
                                        WaitRequest.DEFAULT_TIMEOUT.toSeconds()),
                                "cursor",
                                integer(
                                        "With until=log: only lines from this cursor of the process's log count"
                                                + " (a next_cursor of logs_stream with this name, or of an earlier"
                                                + " wait_for). Without it, the lines of the process's current run.",
                                        0,
                                        Long.MAX_VALUE,
                                        -1))))
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, call) -> {
                    try {
                        return call(control, cancellations, exchange, call);
                    } catch (BadArguments | ControlException e) {
                        return HumTools.failed(String.valueOf(e.getMessage()));
                    } catch (RuntimeException e) {
                        System.err.println("hum mcp: wait_for failed: " + e);
                        return HumTools.failed("wait_for failed inside hum: " + e + "; try again, or report it");
                    }
                })
                .build();
    }

    private static CallToolResult call(
            ProcessControl control, Cancellations cancellations, McpSyncServerExchange exchange, CallToolRequest call) {
        WaitRequest request = request(ToolArguments.of("wait_for", call.arguments(), ACCEPTED));
        Map<String, Object> meta = call.meta() == null ? Map.of() : call.meta();
        Object id = meta.get(Cancellations.META_KEY);
        String key = id == null ? "" : String.valueOf(id);
        Cancel cancel = id == null ? Cancel.none() : cancellations.register(key);
        @Nullable
        ScheduledFuture<?> progress =
                meta.get("progressToken") == null ? null : progress(exchange, meta.get("progressToken"), request);
        WaitResult result;
        try {
            result = control.waitFor(request, cancel);
        } finally {
            if (progress != null) {
                progress.cancel(false);
            }
            if (id != null) {
                cancellations.done(key);
            }
        }
        CallToolResult.Builder out = CallToolResult.builder()
                .addTextContent(render(result))
                .structuredContent(Wire.JSON.convertValue(Wire.waitResult(result), Map.class))
                .isError(!result.met());
        return out.build();
    }

    private static ScheduledFuture<?> progress(McpSyncServerExchange exchange, Object token, WaitRequest request) {
        long start = System.nanoTime();
        double total = request.timeout().toMillis() / 1000.0;
        String what = "waiting for " + request.name() + " " + request.until().describe();
        return TIMER.scheduleAtFixedRate(
                () -> {
                    double elapsed = Math.min(total, (System.nanoTime() - start) / 1e9);
                    try {
                        exchange.progressNotification(new ProgressNotification(
                                token, Math.rint(elapsed * 10) / 10, total, what + " (" + Math.round(elapsed) + "s)"));
                    } catch (RuntimeException e) {
                        // the client is gone or the transport closed: the wait ends on its own
                    }
                },
                0,
                PROGRESS_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static WaitRequest request(ToolArguments args) {
        String name = args.requiredString("name", ToolArguments.MAX_NAME);
        String word = args.requiredString("until", 10);
        Optional<String> pattern = args.string("pattern", ToolArguments.MAX_QUERY);
        Optional<String> text = args.string("text", ToolArguments.MAX_QUERY);
        OptionalLong port = args.integer("port", 1, 65535);
        Until until =
                switch (word) {
                    case "ready" -> new Until.Ready();
                    case "exit" -> new Until.Exit();
                    case "log" -> {
                        if (pattern.isPresent() == text.isPresent()) {
                            throw new BadArguments("until=log needs either pattern (an RE2 regex) or text (plain)");
                        }
                        yield pattern.isPresent()
                                ? new Until.Log(pattern.get(), true)
                                : new Until.Log(text.orElseThrow(), false);
                    }
                    case "port" ->
                        new Until.Port((int) port.orElseThrow(
                                () -> new BadArguments("until=port needs port, the TCP port to try on localhost")));
                    default -> throw new BadArguments("until must be ready, exit, log or port, not '" + word + "'");
                };
        if (!(until instanceof Until.Log) && (pattern.isPresent() || text.isPresent())) {
            throw new BadArguments("pattern and text go with until=log only");
        }
        if (!(until instanceof Until.Port) && port.isPresent()) {
            throw new BadArguments("port goes with until=port only");
        }
        long seconds = args.integer("timeout", 0, WaitRequest.MAX_TIMEOUT.toSeconds())
                .orElse(WaitRequest.DEFAULT_TIMEOUT.toSeconds());
        OptionalLong cursor = args.integer("cursor", 0, Long.MAX_VALUE);
        return new WaitRequest(name, until, Duration.ofSeconds(seconds), cursor);
    }

    static String render(WaitResult r) {
        StringBuilder out = new StringBuilder(r.message()).append('\n');
        if (r.line().isPresent()) {
            LogEntry line = r.line().get();
            out.append("Matched line #")
                    .append(line.seq())
                    .append("; next_cursor ")
                    .append(r.nextCursor());
            out.append(" waits for later lines.\n");
        }
        out.append("Status: ").append(r.process().status());
        if (r.process().pid() > 0) {
            out.append(", pid ").append(r.process().pid());
        }
        if (!r.process().ports().isEmpty()) {
            out.append(", listening on ")
                    .append(String.join(
                            " ", r.process().ports().stream().map(p -> ":" + p).toList()));
        }
        if (!r.process().urls().isEmpty()) {
            out.append(", urls ").append(String.join(" ", r.process().urls()));
        }
        out.append('\n');
        if (!r.before().isEmpty()) {
            out.append(r.line().isPresent() ? "Lines before it:\n" : "Its newest lines:\n");
            Render.lines(out, r.before(), true);
        }
        if (!r.tail().isEmpty()) {
            out.append("Its last ").append(r.tail().size()).append(" lines (! marks stderr, * hum's notices):\n");
            Render.lines(out, r.tail(), true);
        }
        return out.toString().stripTrailing();
    }
}
