package dev.hum.control;

import dev.hum.process.Supervisor;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The dashboard's end of the bridge: serves its supervisor's processes on a Unix domain socket. */
public final class ControlServer implements AutoCloseable {

    /*
     * One daemon thread accepts; each connection gets its own daemon thread that reads a request
     * line, answers it and loops. Answers come from LocalControl, which reads state and logs without
     * a lock, so no connection ever waits on the render loop or on another connection. Whatever goes
     * wrong with one connection (an I/O error, a line over the bound, a bug in an answer) ends that
     * connection only, and is told to `notes`: never to System.err, which is the dashboard's screen.
     */

    /** A pause after a failed accept (no file descriptors left, say), so that the loop does not spin. */
    private static final long ACCEPT_RETRY_MILLIS = 200;

    private final ProcessControl control;
    private final Path socket;
    private final Object socketKey;
    private final ServerSocketChannel server;
    private final Set<LineChannel> open = ConcurrentHashMap.newKeySet();
    private final Consumer<String> notes;
    private volatile boolean closed;

    private ControlServer(
            ProcessControl control, Path socket, ServerSocketChannel server, Object socketKey, Consumer<String> notes) {
        this.notes = notes;
        this.control = control;
        this.socket = socket;
        this.server = server;
        this.socketKey = socketKey;
    }

    /**
     * Listens for {@code hum mcp} in {@code projectFolder} (or below it) until closed. Closing stops
     * no process: they belong to the supervisor's owner.
     *
     * @throws IOException when another live hum already serves that folder, or the socket cannot be
     *     made
     */
    public static ControlServer start(Supervisor supervisor, Path projectFolder, Consumer<String> notes)
            throws IOException {
        return start(supervisor, projectFolder, SocketPath.runtimeFolder(), notes);
    }

    /**
     * As above, with the socket in {@code runtimeFolder} (tests use a temp folder).
     *
     * @param notes takes a line about a connection that failed, from any thread (the dashboard shows it in its
     *     status line)
     */
    public static ControlServer start(
            Supervisor supervisor, Path projectFolder, Path runtimeFolder, Consumer<String> notes) throws IOException {
        return listen(new LocalControl(supervisor, false), SocketPath.forProject(runtimeFolder, projectFolder), notes);
    }

    static ControlServer listen(ProcessControl control, Path socket, Consumer<String> notes) throws IOException {
        SocketPath.prepareFolder(Objects.requireNonNull(socket.getParent(), "a socket path names its folder"));
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            if (ControlClient.answers(socket)) {
                throw new IOException("another hum is already serving this folder on " + socket);
            }
            Files.delete(socket); // a dead instance's socket: nothing answers it, so replace it
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            // the 0700 folder already keeps others out; the socket's own mode says so too
            Files.setPosixFilePermissions(socket, SocketPath.SOCKET_MODE);
            Object key = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
            ControlServer s = new ControlServer(control, socket, server, key, notes);
            Thread accept = new Thread(s::acceptLoop, "hum-control-accept");
            accept.setDaemon(true);
            accept.start();
            return s;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The socket this server listens on. */
    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                LineChannel line = new LineChannel(client);
                open.add(line);
                if (closed) {
                    line.close(); // close() may have closed the others before this one was added
                    open.remove(line);
                    return;
                }
                Thread t = new Thread(() -> serve(line), "hum-control-connection");
                t.setDaemon(true);
                t.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                notes.accept("agent bridge: cannot accept a connection (" + e.getMessage() + "); retrying");
                try {
                    Thread.sleep(ACCEPT_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void serve(LineChannel connection) {
        try {
            boolean[] waited = {false};
            while (!waited[0]) {
                String request = connection.readLine();
                connection.writeLine(Requests.fitted(Requests.answer(control, request, () -> {
                    waited[0] = true;
                    return watchForHangUp(connection);
                })));
            }
            // a wait spends its connection: the watcher reads it, and closing it below ends the watcher
        } catch (EOFException | ClosedChannelException e) {
            // the client went away, or we are closing
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                notes.accept("agent bridge: dropped a connection (" + e.getMessage() + ")");
            }
        } finally {
            open.remove(connection);
            connection.close();
        }
    }

    /**
     * A Cancel triggered when the client of a wait hangs up (a cancelled wait_for, a killed hum wait), so that
     * the wait ends then rather than at its timeout. A daemon thread reads the connection meanwhile: nothing may
     * follow a wait request on it.
     */
    private static Cancel watchForHangUp(LineChannel connection) {
        Cancel cancel = new Cancel();
        Thread watcher = new Thread(() -> connection.awaitHangUp(cancel::cancel), "hum-control-wait-watch");
        watcher.setDaemon(true);
        watcher.start();
        return cancel;
    }

    /** Stops listening, drops every connection and removes the socket if it is still ours. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(LineChannel::close);
        try {
            Object key = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
            if (Objects.equals(key, socketKey)) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // already gone, or replaced by a newer hum: leave it
        }
    }
}
