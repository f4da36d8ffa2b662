package dev.hum.control;

import dev.hum.process.ActionResult;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code hum mcp}'s end of the bridge: a {@link ProcessControl} that forwards to a dashboard. */
public final class ControlClient implements ProcessControl {

    /*
     * Connections are pooled, not shared: a caller takes an idle one (or opens a new one, which costs
     * a few microseconds on a Unix socket) and gives it back after its answer. So a stop that takes
     * five seconds on one connection never holds up a status request on another, and no lock is
     * taken. The queue is lock-free.
     */

    private final Path socket;
    private final ConcurrentLinkedQueue<LineChannel> idle = new ConcurrentLinkedQueue<>();

    private ControlClient(Path socket) {
        this.socket = socket;
    }

    /**
     * The dashboard serving {@code folder} or the nearest folder above it that has one, if any
     * answers. Sockets that nothing answers (a dead dashboard's) are skipped.
     */
    public static Optional<ControlClient> find(Path runtimeFolder, Path folder) {
        for (Path f = folder.toAbsolutePath().normalize(); f != null; f = f.getParent()) {
            Path socket = SocketPath.forProject(runtimeFolder, f);
            if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && answers(socket)) {
                return Optional.of(new ControlClient(socket));
            }
        }
        return Optional.empty();
    }

    /** Whether a live server accepts connections on {@code socket}. */
    static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return probe.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false; // ECONNREFUSED: the file outlived its server
        }
    }

    /** The socket this client talks to. */
    public Path socket() {
        return socket;
    }

    @Override
    public String describe() {
        return "the dashboard at " + socket + ": " + call(request("describe")).asString("");
    }

    @Override
    public List<ProcessInfo> status(Optional<String> name) {
        ObjectNode r = request("status");
        name.ifPresent(n -> r.put("name", n));
        return Wire.processes(call(r));
    }

    @Override
    public ActionResult run(String name) {
        return Wire.action(call(request("run").put("name", name)));
    }

    @Override
    public ActionResult stop(String name) {
        return Wire.action(call(request("stop").put("name", name)));
    }

    @Override
    public ActionResult restart(String name) {
        return Wire.action(call(request("restart").put("name", name)));
    }

    @Override
    public ActionResult sendInput(String name, String text, boolean newline) {
        return Wire.action(
                call(request("send_input").put("name", name).put("text", text).put("newline", newline)));
    }

    @Override
    public LogPage logs(Optional<String> name, OptionalLong cursor, int limit) {
        ObjectNode r = request("logs").put("limit", limit);
        name.ifPresent(n -> r.put("name", n));
        cursor.ifPresent(c -> r.put("cursor", c));
        return Wire.page(call(r));
    }

    @Override
    public Matches search(Optional<String> name, String query, boolean regex, int limit) {
        ObjectNode r = request("search").put("query", query).put("regex", regex).put("limit", limit);
        name.ifPresent(n -> r.put("name", n));
        return Wire.matches(call(r));
    }

    /**
     * Waits on a connection of its own, since the dashboard answers only when the wait ends; a cancel closes
     * that connection (the dashboard's side then ends with its own timeout, holding nothing but a thread).
     */
    @Override
    public WaitResult waitFor(WaitRequest request, Cancel cancel) {
        LineChannel connection;
        try {
            connection = open();
        } catch (IOException e) {
            throw lost(e);
        }
        cancel.onCancel(connection::close);
        try {
            connection.writeLine(Wire.waitRequest(request).put("op", "wait").toString());
            JsonNode response = Wire.JSON.readTree(connection.readLine());
            if (response.has("error")) {
                throw new ControlException(response.get("error").asString());
            }
            return Wire.waitResult(response.path("result"));
        } catch (IOException | JacksonException e) {
            if (cancel.isCancelled()) {
                return new WaitResult(
                        WaitResult.CANCELLED,
                        "the wait for " + request.name() + " was cancelled",
                        Optional.empty(),
                        0,
                        List.of(),
                        status(Optional.of(request.name())).get(0),
                        List.of());
            }
            throw lost(e);
        } finally {
            connection.close();
        }
    }

    private ControlException lost(Exception e) {
        return new ControlException("lost the hum dashboard at " + socket + " (" + e.getMessage()
                + "); if it was closed, restart hum mcp to supervise the processes itself");
    }

    /** Closes the connections; the dashboard and its processes carry on. */
    @Override
    public void close() {
        for (LineChannel c; (c = idle.poll()) != null; ) {
            c.close();
        }
    }

    private static ObjectNode request(String op) {
        return Wire.object().put("op", op);
    }

    private JsonNode call(ObjectNode request) {
        LineChannel connection = idle.poll();
        try {
            if (connection == null) {
                connection = open();
            }
            connection.writeLine(request.toString());
            JsonNode response = Wire.JSON.readTree(connection.readLine());
            idle.add(connection);
            if (response.has("error")) {
                throw new ControlException(response.get("error").asString());
            }
            return response.path("result");
        } catch (LineChannel.TooLong e) {
            connection.close();
            // the dashboard is there and answered, only more than a bridge line holds (a hum of another version)
            throw new ControlException("the dashboard's answer is longer than the " + LineChannel.MAX_LINE
                    + " bytes the bridge carries; ask for less (a smaller limit, or one process by name)");
        } catch (IOException | JacksonException e) {
            if (connection != null) {
                connection.close();
            }
            throw new ControlException("lost the hum dashboard at " + socket + " (" + e.getMessage()
                    + "); if it was closed, restart hum mcp to supervise the processes itself");
        }
    }

    private LineChannel open() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new LineChannel(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }
}
