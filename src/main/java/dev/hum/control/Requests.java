package dev.hum.control;

import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Answers one bridge request line with one response object; the server's whole protocol. */
final class Requests {

    /*
     * Request: {"op": "status"|"run"|"stop"|"restart"|"logs"|"search"|"describe", ...arguments}.
     * Response: {"result": ...} or {"error": "message for the agent"}. Stateless, so any connection
     * thread may call it at any time.
     */

    private Requests() {}

    static ObjectNode answer(ProcessControl control, String line) {
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
                            Wire.entries(control.search(
                                    name(request),
                                    request.path("query").asString(""),
                                    request.path("regex").asBoolean(false),
                                    request.path("limit").asInt(100))));
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

    private static Optional<String> name(JsonNode request) {
        JsonNode name = request.path("name");
        return name.isString() ? Optional.of(name.asString()) : Optional.empty();
    }

    private static String required(JsonNode request) {
        return name(request).orElseThrow(() -> new ControlException("name is required"));
    }
}
