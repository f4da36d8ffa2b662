package dev.hum.mcp;

import dev.hum.control.Cancel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** The tool calls a client may cancel, by JSON-RPC request id ({@code notifications/cancelled}). */
final class Cancellations {

    /*
     * The protocol reader (ProtocolInput, one thread) tags each tools/call with its request id in _meta and
     * cancels by id; the tool's thread registers and removes its Cancel. A concurrent map: no lock shared with
     * the reader, which must never wait on a tool.
     */

    /** The key under which ProtocolInput puts a call's request id into its _meta. */
    static final String META_KEY = "dev.hum/request";

    private final Map<String, Cancel> calls = new ConcurrentHashMap<>();

    /** A Cancel for the call with this id (its JSON text); {@link #done} removes it. */
    Cancel register(String id) {
        Cancel c = new Cancel();
        calls.put(id, c);
        return c;
    }

    void done(String id) {
        calls.remove(id);
    }

    /** Cancels the call with this request id, if one runs. From the protocol reader. */
    void cancel(JsonNode requestId) {
        Cancel c = calls.remove(requestId.toString());
        if (c != null) {
            c.cancel();
        }
    }
}
