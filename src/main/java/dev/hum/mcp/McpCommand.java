package dev.hum.mcp;

import dev.hum.config.ConfigException;
import dev.hum.config.ConfigLoader;
import dev.hum.config.ProjectConfig;
import dev.hum.control.ControlClient;
import dev.hum.control.LocalControl;
import dev.hum.control.ProcessControl;
import dev.hum.control.SocketPath;
import dev.hum.control.Wire;
import dev.hum.orchestration.Orchestrator;
import dev.hum.process.Journal;
import dev.hum.process.RuntimeFolder;
import dev.hum.process.Supervisor;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code hum mcp [-c FILE]}: serves the MCP tools on stdio until the client closes stdin. */
public final class McpCommand {

    /** Exit status for a configuration hum cannot load. */
    static final int CONFIG_ERROR = 2;

    private McpCommand() {}

    /** Entry from {@code Main}: the real stdin and stdout, the working folder, a shutdown hook. */
    public static int run(Optional<Path> configFile, String version, PrintStream err) {
        // The real fd 1 is for protocol only: anything else that prints goes to stderr instead.
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(err);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        return serve(
                configFile,
                Path.of("").toAbsolutePath(),
                SocketPath.runtimeFolder(),
                new FileInputStream(FileDescriptor.in),
                protocolOut,
                err,
                version,
                true);
    }

    /**
     * Bridges to the dashboard of the project folder (the configuration file's folder, else {@code
     * cwd}) or one above it; with none, loads the configuration and supervises the processes itself,
     * starting none until the agent asks and stopping all when the session ends.
     */
    static int serve(
            Optional<Path> configFile,
            Path cwd,
            Path runtimeFolder,
            InputStream in,
            OutputStream out,
            PrintStream err,
            String version,
            boolean hook) {
        try {
            // Before anything in it is read: a dashboard's socket there, or a journal.
            RuntimeFolder.prepare(runtimeFolder);
        } catch (RuntimeFolder.UnsafeException e) {
            err.println("hum mcp: " + e.getMessage());
            return CONFIG_ERROR;
        } catch (IOException e) {
            // cannot be made: no dashboard can listen there, and the journal says what that costs
        }
        Path project =
                configFile.map(f -> f.toAbsolutePath().normalize().getParent()).orElse(cwd);
        ProcessControl control;
        Optional<ControlClient> dashboard = ControlClient.find(runtimeFolder, project);
        if (dashboard.isPresent()) {
            control = dashboard.get();
            err.println(
                    "hum mcp: bridged to the dashboard at " + dashboard.get().socket());
        } else {
            ProjectConfig config;
            try {
                config = configFile.isPresent() ? ConfigLoader.load(configFile.get()) : ConfigLoader.discover(cwd);
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return CONFIG_ERROR;
            }
            config.notices().forEach(err::println);
            // Supervising its own processes, it keeps the journal a dashboard keeps: a later hum stops
            // what this one leaves if it is killed, and this one stops what a killed one left.
            Journal journal = SocketPath.openJournal(runtimeFolder, folderOf(config));
            journal.problem().ifPresent(problem -> err.println("hum mcp: " + problem));
            Supervisor supervisor = new Supervisor(config, System.getenv(), journal);
            Orchestrator.attach(supervisor);
            control = new LocalControl(supervisor, true);
            err.println("hum mcp: no dashboard runs for " + project + "; supervising " + config.source() + " ("
                    + config.processes().size() + (config.processes().size() == 1 ? " process" : " processes")
                    + ", none started until asked)");
        }
        Thread shutdown = new Thread(control::close, "hum-mcp-shutdown");
        if (hook) {
            Runtime.getRuntime().addShutdownHook(shutdown);
        }
        Cancellations cancellations = new Cancellations();
        List<SyncToolSpecification> tools = new HumTools(control, cancellations).all();
        Set<String> toolNames = tools.stream().map(t -> t.tool().name()).collect(Collectors.toSet());
        LineOutput stdout = new LineOutput(out);
        ProtocolInput stdin = new ProtocolInput(in, stdout, new RequestParams(toolNames), cancellations);
        McpSyncServer server = McpServer.sync(
                        new StdioServerTransportProvider(new JacksonMcpJsonMapper(Wire.JSON), stdin, stdout))
                .serverInfo("hum", version)
                .instructions("hum runs this project's dev processes. scripts_list shows them; scripts_run,"
                        + " scripts_stop and scripts_restart act on one; logs_stream and logs_search read output;"
                        + " wait_for waits until one is ready, exits, prints a line or listens on a port.")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(tools)
                .build();
        try {
            stdin.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.closeGracefully();
            control.close();
            if (hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdown);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook is running or has run: it stops the processes
                }
            }
        }
        return 0;
    }

    /** The folder the configuration belongs to, as the dashboard names its socket and journal after it. */
    private static Path folderOf(ProjectConfig config) {
        Path source = config.source().toAbsolutePath();
        return Files.isDirectory(source) || source.getParent() == null ? source : source.getParent();
    }
}
