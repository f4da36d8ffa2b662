package dev.hum.control;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Answers one bridge request line with one response object; the server's whole protocol. */
final class Requests {

    /*
     * Request: {"op": "status"|"run"|"stop"|"restart"|"send_input"|"logs"|"search"|"wait"|"describe",
     * ...arguments}.
     * Response: {"result": ...} or {"error": "message for the agent"}. Stateless, so any connection
     * thread may call it at any time.
     */

    private Requests() {}

    static ObjectNode answer(ProcessControl control, String line) {
        return answer(control, line, Cancel::none);
    }

    /** As above; a wait takes its Cancel from {@code forWait}, so that its connection's end can end it. */
    static ObjectNode answer(ProcessControl control, String line, Supplier<Cancel> forWait) {
        ObjectNode response = Wire.object();
        try {
            JsonNode request = Wire.JSON.readTree(line);
            String op = request.path("op").asString("");
            switch (op) {
                case "describe":
                    response.put("result", control.describe());
                    break;
                case "status":
                    response.set("result", Wire.processes(control.status(name(request))));
                    break;
                case "run":
                    response.set("result", Wire.action(control.run(required(request))));
                    break;
                case "stop":
                    response.set("result", Wire.action(control.stop(required(request))));
                    break;
                case "restart":
                    response.set("result", Wire.action(control.restart(required(request))));
                    break;
                case "send_input":
                    response.set(
                            "result",
                            Wire.action(control.sendInput(
                                    required(request),
                                    request.path("text").asString(""),
                                    request.path("newline").asBoolean(true))));
                    break;
                case "logs":
                    OptionalLong cursor = request.has("cursor")
                            ? OptionalLong.of(request.get("cursor").asLong())
                            : OptionalLong.empty();
                    response.set(
                            "result",
                            Wire.page(control.logs(
                                    name(request), cursor, request.path("limit").asInt(100))));
                    break;
                case "search":
                    response.set(
                            "result",
                            Wire.matches(control.search(
                                    name(request),
                                    request.path("query").asString(""),
                                    request.path("regex").asBoolean(false),
                                    request.path("limit").asInt(100))));
                    break;
                case "wait":
                    // the connection's thread blocks here until the wait ends: one connection per waiter
                    response.set("result", Wire.waitResult(control.waitFor(Wire.waitRequest(request), forWait.get())));
                    break;
                default:
                    response.put("error", "unknown request '" + op + "'; this dashboard may be an older hum");
            }
        } catch (ControlException e) {
            response.put("error", e.getMessage());
        } catch (JacksonException e) {
            response.put("error", "malformed request: " + e.getOriginalMessage());
        }
        return response;
    }

    /**
     * The response as one line, or an error saying it is too long when it would not fit in a bridge line:
     * the client could not read it, and would take the cut line for a dashboard gone.
     */
    static String fitted(ObjectNode response) {
        String line = response.toString();
        // a char is at most 3 UTF-8 bytes (a surrogate pair 4 for 2 chars): the exact count only when near
        if (line.length() * 3L >= LineChannel.MAX_LINE
                && line.getBytes(StandardCharsets.UTF_8).length >= LineChannel.MAX_LINE) {
            return Wire.object()
                    .put(
                            "error",
                            "the answer is longer than the " + LineChannel.MAX_LINE + " bytes the bridge"
                                    + " carries; ask for less (a smaller limit, or one process by name)")
                    .toString();
        }
        return line;
    }

    private static Optional<String> name(JsonNode request) {
        JsonNode name = request.path("name");
        return name.isString() ? Optional.of(name.asString()) : Optional.empty();
    }

    private static String required(JsonNode request) {
        return name(request).orElseThrow(() -> new ControlException("name is required"));
    }
}
