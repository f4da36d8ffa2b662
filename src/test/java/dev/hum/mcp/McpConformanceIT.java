package dev.hum.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.ConfigLoader;
import dev.hum.control.ControlServer;
import dev.hum.process.Supervisor;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official MCP TypeScript SDK client (src/test/node) drives the packaged {@code hum mcp}: alone,
 * and bridged to a dashboard's control socket. Runs after {@code package}, in the integration-test
 * phase, because it needs target/hum.jar.
 */
final class McpConformanceIT {

    static final Path NODE_DIR = Path.of(System.getProperty("hum.node.dir", "src/test/node"));
    static final Path JAR = Path.of(System.getProperty("hum.jar", "target/hum.jar"));
    static final String CONFIG =
            "processes:\n  web:\n    cmd: 'echo listening on 3000; exec sleep 60'\n" + "    stop_timeout: 2s\n";

    /** The file that lets {@code slow} print its line: the script creates it once its wait_for is under way. */
    private Path goFile() {
        return project.resolve("go");
    }

    private int httpPort;

    /** web, and the processes wait_for is tried on: a real server, a late line, a crash before it listens. */
    private String config() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            httpPort = free.getLocalPort();
        }
        return CONFIG
                + "  http:\n    autostart: false\n    cmd: [node, -e, \"require('http').createServer((q, s) => s.end('ok'))"
                + ".listen(" + httpPort + ", '127.0.0.1')\"]\n"
                + "  slow:\n    autostart: false\n    cmd: 'echo compiling; while [ ! -e " + goFile()
                + " ]; do sleep 0.02; done; echo server ready at http://localhost:1/; exec sleep 60'\n"
                + "  crash:\n    autostart: false\n    cmd: 'echo booting; echo Error: EADDRINUSE >&2; exit 1'\n";
    }

    @TempDir
    Path project;

    @TempDir
    Path xdg;

    @BeforeAll
    static void nodeAndTheSdk() throws Exception {
        Assumptions.assumeTrue(
                found("node", "--version"), "node is not installed: skipping the TypeScript SDK conformance test");
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            // .ci/run installs it; do the same here so that a plain `mvn verify` runs the test too
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(NODE_DIR.toFile())
                    .inheritIO()
                    .start();
            assertTrue(npm.waitFor(180, TimeUnit.SECONDS) && npm.exitValue() == 0, "npm ci failed in " + NODE_DIR);
        }
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run mvn package first");
    }

    @Test
    void typescriptClient_aloneStopsEverythingWhenItDisconnects() throws Exception {
        Files.writeString(project.resolve("hum.yaml"), config());
        long pid = pidFrom(drive("alone"));
        assertFalse(
                ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "web (pid " + pid + ") outlived hum mcp");
    }

    @Test
    void typescriptClient_bridgedDrivesTheDashboardsProcesses() throws Exception {
        Files.writeString(project.resolve("hum.yaml"), config());
        Path below = Files.createDirectories(project.resolve("src"));
        try (Supervisor dashboard = new Supervisor(ConfigLoader.discover(project));
                ControlServer server = ControlServer.start(dashboard, project, xdg.resolve("hum"), note -> {})) {
            long pid = pidFrom(drive("bridged", below));
            ProcessState web = dashboard.registry().find("web").orElseThrow().get();
            // what the agent did is the dashboard's own state, and the dashboard keeps it when the agent leaves
            assertEquals(Status.RUNNING, web.status());
            assertEquals(pid, web.pid());
            assertEquals(2, web.restarts());
            assertTrue(Files.exists(server.socket()));
        }
    }

    private String drive(String mode) throws Exception {
        return drive(mode, project);
    }

    private String drive(String mode, Path cwd) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "node",
                NODE_DIR.resolve("conformance.mjs").toAbsolutePath().toString(),
                JAR.toAbsolutePath().toString(),
                cwd.toString(),
                mode));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("XDG_RUNTIME_DIR", xdg.toString());
        pb.environment().put("GO_FILE", goFile().toString());
        pb.environment().put("HTTP_PORT", Integer.toString(httpPort));
        Process node = pb.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "conformance script failed: " + out);
        return out.strip();
    }

    private static long pidFrom(String output) {
        String last = output.substring(output.lastIndexOf('\n') + 1);
        assertTrue(last.startsWith("{\"ok\":true"), output);
        return Long.parseLong(last.replaceAll(".*\"pid\":(\\d+).*", "$1"));
    }

    private static boolean found(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
