package dev.hum.mcp;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Checks the params of a JSON-RPC request before the SDK reads them, so that a malformed call is answered
 * in the protocol's words (-32602 Invalid params, with the shape expected) instead of the Java exception the
 * SDK would quote.
 */
final class RequestParams {

    /*
     * The SDK binds params to its records with Jackson and answers any failure as -32603 Internal error
     * with the exception's text (`tools.jackson.databind.exc.MismatchedInputException: ...` for list
     * arguments, a NullPointerException for a tools/call without params). Only the request's shape is
     * checked here; what the arguments mean is the tools' business, and a wrong argument is an isError
     * result the model can read (MCP 2025-11-25, SEP-1303). Immutable, so any thread may call it.
     */

    static final int INVALID_PARAMS = -32602;

    private static final String CALL_SHAPE =
            "{\"name\": \"<tool>\", \"arguments\": {...}} (tools/list names the tools and their arguments)";

    private final Set<String> tools;

    RequestParams(Set<String> tools) {
        this.tools = new TreeSet<>(tools);
    }

    /** Why the SDK cannot take the params of {@code request}, or empty when they have the right shape. */
    Optional<String> problem(JsonNode request) {
        String method = request.path("method").asString("");
        JsonNode params = request.path("params");
        if (notObject(params)) {
            return Optional.of("Invalid params: " + method + " takes params as a JSON object, not " + kind(params)
                    + (method.equals("tools/call") ? "; send " + CALL_SHAPE : ""));
        }
        JsonNode meta = params.path("_meta");
        if (notObject(meta)) {
            return Optional.of("Invalid params: _meta is a JSON object, not " + kind(meta));
        }
        return switch (method) {
            case "tools/call" -> call(params);
            case "initialize" -> initialize(params);
            default -> Optional.empty();
        };
    }

    private static Optional<String> initialize(JsonNode params) {
        // only what the SDK cannot bind: it takes a missing capabilities or clientInfo in its stride
        if (params.isMissingNode()
                || params.isNull()
                || notObject(params.path("capabilities"))
                || notObject(params.path("clientInfo"))
                || anyField(params.path("capabilities"), RequestParams::notObject) // roots, sampling, ...: objects
                || anyField(params.path("clientInfo"), JsonNode::isContainer)) { // name, version, ...: plain values
            return Optional.of("Invalid params: initialize needs {\"protocolVersion\": \"2025-11-25\","
                    + " \"capabilities\": {...}, \"clientInfo\": {\"name\": ..., \"version\": ...}}");
        }
        return Optional.empty();
    }

    private Optional<String> call(JsonNode params) {
        JsonNode name = params.path("name");
        if (!name.isString()) {
            return Optional.of("Invalid params: tools/call needs the tool's name"
                    + (name.isMissingNode() || name.isNull() ? "" : " as a string, not " + kind(name))
                    + "; send " + CALL_SHAPE);
        }
        if (!tools.contains(name.asString())) {
            return Optional.of("Invalid params: hum has no tool '" + shorten(name.asString()) + "'; its tools are "
                    + String.join(", ", tools));
        }
        JsonNode arguments = params.path("arguments");
        if (notObject(arguments)) {
            return Optional.of("Invalid params: the arguments of " + name.asString() + " are a JSON object of"
                    + " named values, not " + kind(arguments) + "; send " + CALL_SHAPE);
        }
        return Optional.empty();
    }

    private static boolean anyField(JsonNode object, Predicate<JsonNode> test) {
        for (JsonNode field : object.values()) {
            if (test.test(field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notObject(JsonNode value) {
        return !value.isMissingNode() && !value.isNull() && !value.isObject();
    }

    private static String kind(JsonNode value) {
        if (value.isArray()) {
            return "a list";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        return value.isBoolean() ? "true or false" : "that";
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
