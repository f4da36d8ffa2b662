package dev.hum.control;

import dev.hum.process.ActionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of the bridge's values, shared by the socket and the MCP tools' structured content. */
public final class Wire {

    /** Thread-safe once built, as every Jackson mapper. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Wire() {}

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ObjectNode process(ProcessInfo p) {
        ObjectNode o = object();
        o.put("name", p.name());
        o.put("command", p.command());
        o.put("autostart", p.autostart());
        o.put("status", p.status());
        o.put("pid", p.pid());
        o.put("uptime_ms", p.uptimeMillis());
        p.exitCode().ifPresent(code -> o.put("exit_code", code));
        p.signal().ifPresent(signal -> o.put("signal", signal));
        o.put("restarts", p.restarts());
        o.put("lines", p.lines());
        o.put("reason", p.reason());
        ArrayNode ports = o.putArray("ports");
        p.ports().forEach(ports::add);
        ArrayNode urls = o.putArray("urls");
        p.urls().forEach(urls::add);
        if (!p.portConflict().isEmpty()) {
            o.put("port_conflict", p.portConflict());
        }
        p.cpuPercent().ifPresent(cpu -> o.put("cpu_percent", Math.round(cpu * 10) / 10.0));
        p.rssBytes().ifPresent(rss -> o.put("rss_bytes", rss));
        ProcessInfo.Order order = p.order();
        o.put("ready", order.ready());
        order.waitingFor().forEach(o.putArray("waiting_for")::add);
        order.blockedBy().forEach(o.putArray("blocked_by")::add);
        order.nextRestartInSeconds().ifPresent(s -> o.put("next_restart_in", s));
        o.put("restart_policy", order.restartPolicy());
        return o;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asString("")));
        return out;
    }

    public static ProcessInfo process(JsonNode o) {
        return new ProcessInfo(
                o.path("name").asString(""),
                o.path("command").asString(""),
                o.path("autostart").asBoolean(false),
                o.path("status").asString(""),
                o.path("pid").asLong(0),
                o.path("uptime_ms").asLong(0),
                o.has("exit_code") ? OptionalInt.of(o.get("exit_code").asInt()) : OptionalInt.empty(),
                o.has("signal") ? OptionalInt.of(o.get("signal").asInt()) : OptionalInt.empty(),
                o.path("restarts").asInt(0),
                o.path("lines").asLong(0),
                o.path("reason").asString(""),
                ints(o.path("ports")),
                strings(o.path("urls")),
                o.path("port_conflict").asString(""),
                o.has("cpu_percent") ? OptionalDouble.of(o.get("cpu_percent").asDouble()) : OptionalDouble.empty(),
                o.has("rss_bytes") ? OptionalLong.of(o.get("rss_bytes").asLong()) : OptionalLong.empty(),
                new ProcessInfo.Order(
                        o.path("ready").asBoolean(false),
                        strings(o.path("waiting_for")),
                        strings(o.path("blocked_by")),
                        o.has("next_restart_in")
                                ? OptionalLong.of(o.get("next_restart_in").asLong())
                                : OptionalLong.empty(),
                        o.path("restart_policy").asString("no")));
    }

    private static List<Integer> ints(JsonNode a) {
        List<Integer> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asInt()));
        return out;
    }

    public static ArrayNode processes(List<ProcessInfo> list) {
        ArrayNode a = JSON.createArrayNode();
        list.forEach(p -> a.add(process(p)));
        return a;
    }

    public static List<ProcessInfo> processes(JsonNode a) {
        List<ProcessInfo> out = new ArrayList<>();
        a.forEach(o -> out.add(process(o)));
        return out;
    }

    public static ObjectNode entry(LogEntry e) {
        ObjectNode o = object();
        o.put("process", e.process());
        o.put("seq", e.seq());
        o.put("arrival", e.arrival());
        o.put("stream", e.stream());
        o.put("text", e.text());
        return o;
    }

    public static ArrayNode entries(List<LogEntry> list) {
        ArrayNode a = JSON.createArrayNode();
        list.forEach(e -> a.add(entry(e)));
        return a;
    }

    public static List<LogEntry> entries(JsonNode a) {
        List<LogEntry> out = new ArrayList<>();
        a.forEach(o -> out.add(new LogEntry(
                o.path("process").asString(""),
                o.path("seq").asLong(0),
                o.path("arrival").asLong(0),
                o.path("stream").asString(""),
                o.path("text").asString(""))));
        return out;
    }

    public static ObjectNode page(LogPage page) {
        ObjectNode o = object();
        o.set("lines", entries(page.lines()));
        o.put("missed", page.missed());
        o.put("next_cursor", page.nextCursor());
        o.put("cursor_reset", page.cursorReset());
        page.leftOut()
                .ifPresent(l -> o.putObject("left_out").put("lines", l.lines()).put("cursor", l.cursor()));
        return o;
    }

    public static LogPage page(JsonNode o) {
        JsonNode leftOut = o.path("left_out");
        return new LogPage(
                entries(o.path("lines")),
                o.path("missed").asLong(0),
                o.path("next_cursor").asLong(0),
                o.path("cursor_reset").asBoolean(false),
                leftOut.isObject()
                        ? Optional.of(new LeftOut(
                                leftOut.path("lines").asInt(0),
                                leftOut.path("cursor").asLong(0)))
                        : Optional.empty());
    }

    public static ObjectNode matches(Matches m) {
        ObjectNode o = object();
        o.set("matches", entries(m.found()));
        if (m.leftOut() > 0) {
            o.put("left_out", m.leftOut());
        }
        return o;
    }

    public static Matches matches(JsonNode o) {
        if (o.isArray()) {
            return new Matches(entries(o), 0); // a dashboard of an earlier hum answers the bare list
        }
        return new Matches(entries(o.path("matches")), o.path("left_out").asInt(0));
    }

    /** A wait's condition and limits, as the bridge carries them (the MCP tool's arguments, nearly). */
    public static ObjectNode waitRequest(WaitRequest r) {
        ObjectNode o = object();
        o.put("name", r.name());
        o.put("until", r.until().word());
        if (r.until() instanceof Until.Log log) {
            o.put(log.regex() ? "pattern" : "text", log.query());
        } else if (r.until() instanceof Until.Port port) {
            o.put("port", port.port());
        }
        o.put("timeout_ms", r.timeout().toMillis());
        r.cursor().ifPresent(c -> o.put("cursor", c));
        return o;
    }

    public static WaitRequest waitRequest(JsonNode o) {
        String until = o.path("until").asString("");
        Until condition =
                switch (until) {
                    case "ready" -> new Until.Ready();
                    case "exit" -> new Until.Exit();
                    case "log" ->
                        o.has("pattern")
                                ? new Until.Log(o.path("pattern").asString(""), true)
                                : new Until.Log(o.path("text").asString(""), false);
                    case "port" -> new Until.Port(o.path("port").asInt(0));
                    default ->
                        throw new ControlException("until must be ready, exit, log or port, not '" + until + "'");
                };
        return new WaitRequest(
                o.path("name").asString(""),
                condition,
                java.time.Duration.ofMillis(o.path("timeout_ms").asLong(WaitRequest.DEFAULT_TIMEOUT.toMillis())),
                o.has("cursor") ? OptionalLong.of(o.get("cursor").asLong()) : OptionalLong.empty());
    }

    /** A wait's outcome; {@code line} only when a line matched, {@code tail} only when the wait failed. */
    public static ObjectNode waitResult(WaitResult r) {
        ObjectNode o = object();
        o.put("outcome", r.outcome());
        o.put("met", r.met());
        o.put("message", r.message());
        r.line().ifPresent(l -> o.set("line", entry(l)));
        o.put("next_cursor", r.nextCursor());
        o.set("before", entries(r.before()));
        o.set("process", process(r.process()));
        if (!r.tail().isEmpty()) {
            o.set("tail", entries(r.tail()));
        }
        return o;
    }

    public static WaitResult waitResult(JsonNode o) {
        JsonNode line = o.path("line");
        return new WaitResult(
                o.path("outcome").asString(""),
                o.path("message").asString(""),
                line.isObject()
                        ? Optional.of(entries(JSON.createArrayNode().add(line)).get(0))
                        : Optional.empty(),
                o.path("next_cursor").asLong(0),
                entries(o.path("before")),
                process(o.path("process")),
                entries(o.path("tail")));
    }

    public static ObjectNode action(ActionResult r) {
        ObjectNode o = object();
        o.put("ok", r.ok());
        o.put("message", r.message());
        return o;
    }

    public static ActionResult action(JsonNode o) {
        return new ActionResult(o.path("ok").asBoolean(false), o.path("message").asString(""));
    }
}
