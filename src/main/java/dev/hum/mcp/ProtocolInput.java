package dev.hum.mcp;

import dev.hum.control.Wire;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stdin as the SDK sees it: only lines that are JSON-RPC messages. Malformed JSON, oversized lines,
 * non-messages and requests whose params the SDK cannot bind (see {@link RequestParams}) are answered
 * here with a JSON-RPC error and never reach the SDK, whose reader stops for good at the first line it
 * cannot parse. Also tells when stdin has ended.
 */
final class ProtocolInput extends InputStream {

    /*
     * Read only by the SDK's inbound thread (one reader, as with any stdin); the latch is how the
     * command's own thread learns that the client has gone.
     */

    /** Longest message accepted; the longest legitimate tool call is a few KiB. */
    static final int MAX_MESSAGE = 1024 * 1024;

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;

    private final InputStream raw;
    private final LineOutput replies;
    private final RequestParams params;
    private final Cancellations cancellations;
    private final CountDownLatch ended = new CountDownLatch(1);
    private byte[] current = new byte[0];
    private int position;

    ProtocolInput(InputStream raw, LineOutput replies, RequestParams params, Cancellations cancellations) {
        this.cancellations = cancellations;
        this.raw = new BufferedInputStream(raw, 64 * 1024);
        this.replies = replies;
        this.params = params;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /** Waits until stdin has ended or failed: the client is gone. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private boolean fill() throws IOException {
        while (position == current.length) {
            byte[] line;
            try {
                line = nextLine();
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
            if (line == null) {
                ended.countDown();
                return false;
            }
            byte[] accepted = accept(line);
            if (accepted != null) {
                current = accepted;
                position = 0;
            }
        }
        return true;
    }

    /** The next line with its newline, or null at the end; an oversized line is answered and skipped. */
    private byte @Nullable [] nextLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean oversized = false;
        for (int b; (b = raw.read()) >= 0; ) {
            if (b == '\n') {
                if (oversized) {
                    reply(null, INVALID_REQUEST, "message longer than " + MAX_MESSAGE + " bytes; not read");
                    line.reset();
                    oversized = false;
                    continue;
                }
                line.write(b);
                return line.toByteArray();
            }
            if (line.size() >= MAX_MESSAGE) {
                oversized = true;
                line.reset();
            }
            if (!oversized) {
                line.write(b);
            }
        }
        return line.size() > 0 && !oversized ? line.toByteArray() : null;
    }

    /** The line to hand to the SDK (a tools/call tagged with its id, see Cancellations), or null for none. */
    private byte @Nullable [] accept(byte[] line) throws IOException {
        String text = new String(line, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return null;
        }
        JsonNode message;
        try {
            message = Wire.JSON.readTree(text);
        } catch (JacksonException e) {
            reply(null, PARSE_ERROR, "Parse error: " + e.getOriginalMessage());
            return null;
        }
        JsonNode id = message.path("id");
        boolean valid = message.isObject()
                && "2.0".equals(message.path("jsonrpc").asString(""))
                && (id.isMissingNode() || id.isString() || id.isIntegralNumber())
                && (message.path("method").isString()
                        || (!id.isMissingNode() && (message.has("result") || message.has("error"))));
        if (!valid) {
            reply(
                    id.isString() || id.isIntegralNumber() ? id : null,
                    INVALID_REQUEST,
                    "Invalid Request: expected a JSON-RPC 2.0 object with a method (or a response with an id)");
            return null;
        }
        if (!id.isMissingNode() && message.has("method")) { // a request: a notification gets no answer
            Optional<String> problem = params.problem(message);
            if (problem.isPresent()) {
                reply(id, RequestParams.INVALID_PARAMS, problem.get());
                return null;
            }
        }
        String method = message.path("method").asString("");
        if (method.equals("notifications/cancelled")) {
            // the SDK does not know it; a cancelled wait_for ends here, and the SDK never sees the notice
            cancellations.cancel(message.path("params").path("requestId"));
            return null;
        }
        if (method.equals("tools/call") && message.path("params").isObject()) {
            ObjectNode params = (ObjectNode) message.get("params");
            JsonNode meta = params.path("_meta");
            ObjectNode tagged = meta.isObject() ? (ObjectNode) meta : params.putObject("_meta");
            tagged.put(Cancellations.META_KEY, id.toString());
            return (message.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        }
        return line;
    }

    private void reply(@Nullable JsonNode id, int code, String message) throws IOException {
        ObjectNode error = Wire.object();
        error.put("code", code);
        error.put("message", message);
        ObjectNode response = Wire.object();
        response.put("jsonrpc", "2.0");
        if (id == null) {
            response.putNull("id");
        } else {
            response.set("id", id);
        }
        response.set("error", error);
        replies.writeLine(response.toString());
    }
}
