package dev.hum.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.process.Supervisor;
import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real supervisor served on a real Unix socket, reached by the real client. */
final class ControlServerTest {

    @TempDir
    Path project;

    @TempDir
    Path tmp;

    private Supervisor supervisor;

    /** What the server told its owner about failed connections. */
    private final Queue<String> notes = new ConcurrentLinkedQueue<>();

    private Path runtime() {
        return tmp.resolve("run");
    }

    private Supervisor supervisor() {
        ProcessSpec echo = new ProcessSpec(
                "echo",
                new Command.Shell("echo ready; echo 'warn: slow' >&2; exec sleep 60"),
                project,
                Map.of(),
                true,
                StopSignal.TERM,
                Duration.ofSeconds(2));
        supervisor = new Supervisor(new ProjectConfig(project, Origin.HUM_FILE, List.of(echo), new Settings(1000, 30)));
        return supervisor;
    }

    @AfterEach
    void stopAll() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    @Test
    void start_socketAndFolderAreOwnerOnly() throws IOException {
        try (ControlServer server = ControlServer.start(supervisor(), project, runtime(), notes::add)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socket())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime())));
            // no bit for group or others: a second user can neither enter the folder nor open the socket
            assertEquals(runtime(), server.socket().getParent());
        }
    }

    @Test
    void start_tightensAnOpenRuntimeFolder() throws IOException {
        Files.createDirectories(
                runtime(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (ControlServer server = ControlServer.start(supervisor(), project, runtime(), notes::add)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime())));
        }
    }

    @Test
    void start_replacesTheStaleSocketOfADeadInstance() throws IOException {
        Path socket = SocketPath.forProject(runtime(), project);
        SocketPath.prepareFolder(runtime());
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        } // closed without unlinking: the file stays, nothing answers it
        assertTrue(Files.exists(socket));
        assertFalse(ControlClient.answers(socket));
        try (ControlServer server = ControlServer.start(supervisor(), project, runtime(), notes::add)) {
            assertTrue(ControlClient.answers(server.socket()));
        }
    }

    @Test
    void start_refusesWhileAnotherLiveInstanceServesTheFolder() throws IOException {
        try (ControlServer first = ControlServer.start(supervisor(), project, runtime(), notes::add)) {
            IOException e = assertThrows(
                    IOException.class, () -> ControlServer.start(supervisor, project, runtime(), notes::add));
            assertTrue(e.getMessage().contains("already serving"), e.getMessage());
            assertTrue(ControlClient.answers(first.socket()));
        }
    }

    @Test
    void close_removesTheSocket() throws IOException {
        ControlServer server = ControlServer.start(supervisor(), project, runtime(), notes::add);
        server.close();
        assertFalse(Files.exists(server.socket()));
    }

    @Test
    void find_fromASubfolderReachesTheDashboardAndDrivesItsSupervisor() throws Exception {
        Path below = Files.createDirectories(project.resolve("web/src"));
        try (ControlServer server = ControlServer.start(supervisor(), project, runtime(), notes::add);
                ControlClient client = ControlClient.find(runtime(), below).orElseThrow()) {
            assertEquals(server.socket(), client.socket());
            assertTrue(client.run("echo").ok());
            assertEquals(
                    Status.RUNNING,
                    supervisor.registry().find("echo").orElseThrow().get().status());
            ProcessInfo info = client.status(Optional.of("echo")).get(0);
            assertEquals("RUNNING", info.status());
            assertTrue(info.pid() > 0);
            // stdout and stderr have their own pumps: wait for both lines, in whatever order. Anchored:
            // the start line ("hum: start #1: echo ready; echo 'warn: slow' ...") contains both texts.
            Poll.until(
                    "the stdout and the stderr line",
                    () -> !client.search(Optional.empty(), "^warn: slow$", true, 10)
                                    .found()
                                    .isEmpty()
                            && !client.search(Optional.of("echo"), "^ready$", true, 10)
                                    .found()
                                    .isEmpty());
            // A plain search ignores case: the start line and the stderr line.
            assertEquals(
                    2,
                    client.search(Optional.empty(), "WARN: slow", false, 10)
                            .found()
                            .size());
            LogPage page = client.logs(Optional.of("echo"), OptionalLong.of(0), 10);
            assertEquals(3, page.lines().size());
            assertEquals(3, page.nextCursor());
            assertFalse(client.stop("db").ok());
            ControlException unknown = assertThrows(ControlException.class, () -> client.status(Optional.of("db")));
            assertTrue(unknown.getMessage().contains("known: echo"), unknown.getMessage());
            assertTrue(client.stop("echo").message().startsWith("echo stopped"));
            assertEquals(
                    Status.STOPPED,
                    supervisor.registry().find("echo").orElseThrow().get().status());
        }
    }

    @Test
    void logs_bridgedAnswersOverLongLinesAreTheLocalOnes() throws Exception {
        // 400 lines of 16,000 characters: 1,000 of them would be over 6 MB, past the 4 MiB a bridge line carries
        ProcessSpec wide = new ProcessSpec(
                "wide",
                new Command.Shell("pad=$(printf '%016000d' 0); i=0; while [ $i -lt 400 ]; do i=$((i+1));"
                        + " echo \"$i $pad\"; done; exec sleep 60"),
                project,
                Map.of(),
                true,
                StopSignal.TERM,
                Duration.ofSeconds(2));
        supervisor = new Supervisor(new ProjectConfig(project, Origin.HUM_FILE, List.of(wide), new Settings(1000, 30)));
        LocalControl local = new LocalControl(supervisor, false);
        try (ControlServer server = ControlServer.start(supervisor, project, runtime(), notes::add);
                ControlClient client = ControlClient.find(runtime(), project).orElseThrow()) {
            assertTrue(client.run("wide").ok());
            Optional<String> one = Optional.of("wide");
            Optional<String> all = Optional.empty();
            // the newest line of all, so every line is settled: both readers below see the same logs
            Poll.until("the 400th line", () -> local.logs(all, OptionalLong.empty(), 1).lines().stream()
                    .anyMatch(e -> e.text().startsWith("400 0")));
            for (OptionalLong cursor : List.of(OptionalLong.empty(), OptionalLong.of(0))) {
                for (Optional<String> name : List.of(one, all)) {
                    LogPage bridged = client.logs(name, cursor, 1000);
                    assertEquals(local.logs(name, cursor, 1000), bridged);
                    // within the budget, and saying what it left out (the start notice and 400 lines were asked for)
                    assertTrue(bridged.lines().size() < 401, bridged.lines().size() + " lines");
                    assertEquals(
                            401,
                            bridged.lines().size()
                                    + bridged.leftOut().orElseThrow().lines());
                }
            }
            Matches found = client.search(all, "000000", false, 1000);
            assertEquals(local.search(all, "000000", false, 1000), found);
            assertEquals(400, found.found().size() + found.leftOut());
            assertEquals(
                    "400 0", found.found().get(found.found().size() - 1).text().substring(0, 5));

            // paging on from where each answer stopped reads every line once, the bridge and here alike
            List<LogEntry> paged = new ArrayList<>();
            LogPage page = client.logs(one, OptionalLong.of(0), 1000);
            paged.addAll(page.lines());
            while (page.leftOut().isPresent()) {
                assertEquals(page.nextCursor(), page.leftOut().get().cursor());
                page = client.logs(one, OptionalLong.of(page.nextCursor()), 1000);
                paged.addAll(page.lines());
            }
            assertEquals(401, paged.size());
            for (int i = 0; i < paged.size(); i++) {
                assertEquals(i, paged.get(i).seq());
            }
        }
    }

    @Test
    void call_anAnswerLongerThanTheBridgeCarriesSaysSoNotThatTheDashboardIsLost() throws Exception {
        // a dashboard of another hum version that answers past the bridge's line limit
        Path socket = SocketPath.forProject(runtime(), project);
        SocketPath.prepareFolder(runtime());
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread answer = new Thread(() -> {
                // the first connection is find's probe, which hangs up at once; the second is the client's
                for (int i = 0; i < 2; i++) {
                    try (SocketChannel c = server.accept()) {
                        LineChannel line = new LineChannel(c);
                        line.readLine();
                        line.writeLine("{\"result\":\"" + "x".repeat(LineChannel.MAX_LINE) + "\"}");
                    } catch (IOException e) {
                        // the probe's end of file, or the client hung up once it had read too much: expected
                    }
                }
            });
            answer.start();
            try (ControlClient client = ControlClient.find(runtime(), project).orElseThrow()) {
                ControlException e = assertThrows(ControlException.class, client::describe);
                assertTrue(e.getMessage().contains("longer than"), e.getMessage());
                assertFalse(e.getMessage().contains("lost"), e.getMessage());
            }
            answer.join();
        }
    }

    @Test
    void find_skipsAStaleSocketAndFindsNothing() throws IOException {
        Path socket = SocketPath.forProject(runtime(), project);
        SocketPath.prepareFolder(runtime());
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(ControlClient.find(runtime(), project).isEmpty());
    }

    @Test
    void serve_aClientOverTheLineBound_isDroppedAlone_andNothingReachesStderr() throws Exception {
        PrintStream realErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (ControlServer server = ControlServer.start(supervisor(), project, runtime(), notes::add)) {
            try (SocketChannel rogue = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
                ByteBuffer junk = ByteBuffer.wrap(new byte[64 * 1024]);
                java.util.Arrays.fill(junk.array(), (byte) 'x');
                for (int i = 0; i < 5 * 16 + 1 && notes.isEmpty(); i++) { // 5 MiB and more, no newline
                    junk.rewind();
                    try {
                        rogue.write(junk);
                    } catch (IOException closedByServer) {
                        break;
                    }
                }
            }
            Poll.until("a note about the dropped connection", () -> !notes.isEmpty());
            assertTrue(notes.peek().startsWith("agent bridge: dropped a connection"), notes.peek());
            try (ControlClient client = ControlClient.find(runtime(), project).orElseThrow()) {
                assertEquals("echo", client.status(Optional.empty()).get(0).name(), "the server still serves");
            }
        } finally {
            System.setErr(realErr);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "the dashboard's screen is not written to");
    }
}
