package dev.hum.mcp;

import dev.hum.control.Wire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A hum mcp session in this JVM, spoken to over real pipes as a client would over stdio. */
final class Session implements AutoCloseable {

    private final OutputStream toServer;
    private final BufferedReader fromServer;
    private final CompletableFuture<Integer> exit;
    private int nextId = 100;

    Session(Path project, Path runtime) throws IOException {
        Pipe stdin = Pipe.open();
        Pipe stdout = Pipe.open();
        toServer = Channels.newOutputStream(stdin.sink());
        fromServer = new BufferedReader(
                new InputStreamReader(Channels.newInputStream(stdout.source()), StandardCharsets.UTF_8));
        OutputStream serverOut = Channels.newOutputStream(stdout.sink());
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        exit = CompletableFuture.supplyAsync(() -> McpCommand.serve(
                Optional.empty(),
                project,
                runtime,
                Channels.newInputStream(stdin.source()),
                serverOut,
                err,
                "test",
                false));
    }

    /** Initializes the session as every client does first. */
    JsonNode initialize() throws IOException {
        ObjectNode params = Wire.object().put("protocolVersion", "2025-06-18");
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "test").put("version", "1");
        JsonNode result = request("initialize", params);
        sendLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return result;
    }

    /** Sends a request and returns the whole response object with its id. */
    JsonNode request(String method, JsonNode params) throws IOException {
        int id = nextId++;
        ObjectNode message = Wire.object().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        sendLine(message.toString());
        return responseTo(id);
    }

    /** Calls a tool and returns its result object (content, isError, structuredContent). */
    JsonNode call(String tool, String argumentsJson) throws IOException {
        ObjectNode params = Wire.object().put("name", tool);
        params.set("arguments", Wire.JSON.readTree(argumentsJson));
        JsonNode response = request("tools/call", params);
        if (!response.has("result")) {
            throw new AssertionError("no result: " + response);
        }
        return response.get("result");
    }

    static String text(JsonNode result) {
        return result.path("content").get(0).path("text").asString();
    }

    static boolean isError(JsonNode result) {
        return result.path("isError").asBoolean(false);
    }

    void sendLine(String line) throws IOException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    /** The next message whose id is {@code id} (a number) or null when {@code id} is null. */
    JsonNode responseTo(Integer id) throws IOException {
        for (; ; ) {
            String line = fromServer.readLine();
            if (line == null) {
                throw new AssertionError("hum mcp closed stdout while we waited for id " + id);
            }
            JsonNode message = Wire.JSON.readTree(line);
            JsonNode got = message.path("id");
            if (id == null ? got.isNull() : got.isIntegralNumber() && got.asInt() == id) {
                return message;
            }
        }
    }

    /** Closes stdin like a client that disconnects, and returns hum mcp's exit status. */
    int end() throws Exception {
        toServer.close();
        return exit.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            end();
        }
    }
}
