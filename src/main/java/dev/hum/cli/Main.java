package dev.hum.cli;

import dev.hum.config.ConfigException;
import dev.hum.config.ConfigLoader;
import dev.hum.config.ProjectConfig;
import dev.hum.control.SocketPath;
import dev.hum.mcp.McpCommand;
import dev.hum.process.RuntimeFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The {@code hum} command. */
public final class Main {

    static final int USAGE_ERROR = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs hum and returns its exit status; separate from {@link #main} so that tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("mcp")) {
            return runMcp(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("init")) {
            return InitCommand.run(Path.of("").toAbsolutePath(), Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (ControlArguments.isVerb(args)) {
            return ControlCommands.run(args, out, err);
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (Arguments.UsageException e) {
            err.println("hum: " + e.getMessage());
            return USAGE_ERROR;
        }
        if (arguments.help()) {
            out.println(Arguments.USAGE);
            return 0;
        }
        if (arguments.version()) {
            out.println("hum " + version());
            return 0;
        }
        ProjectConfig config;
        try {
            config = arguments.config().isPresent()
                    ? ConfigLoader.load(arguments.config().get())
                    : ConfigLoader.discover(Path.of("").toAbsolutePath());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return USAGE_ERROR;
        }
        if (!arguments.headless()) {
            config.notices().forEach(err::println); // headless says them under its header line
        }
        Set<String> known = new LinkedHashSet<>();
        config.processes().forEach(p -> known.add(p.name()));
        for (String name : arguments.names()) {
            if (!known.contains(name)) {
                if (arguments.headless()) {
                    config.notices().forEach(err::println); // a left-out script may be why
                }
                err.println("hum: no process named '" + name + "' in " + Startup.describe(config) + "; known: "
                        + String.join(", ", known));
                return USAGE_ERROR;
            }
        }
        Optional<String> unsafe = unsafeRuntimeFolder();
        if (unsafe.isPresent()) {
            err.println("hum: " + unsafe.get());
            return USAGE_ERROR;
        }
        return arguments.headless()
                ? HeadlessCommand.run(config, arguments.names(), err)
                : DashboardCommand.run(config, arguments.names(), err);
    }

    /** {@code hum mcp [-c FILE]}: the MCP server on stdio (see dev.hum.mcp). */
    private static int runMcp(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (Arguments.UsageException e) {
            err.println("hum mcp: " + e.getMessage());
            return USAGE_ERROR;
        }
        if (arguments.help()) {
            out.println(Arguments.USAGE);
            return 0;
        }
        if (arguments.headless() || arguments.version() || !arguments.names().isEmpty()) {
            err.println("hum mcp: takes only -c FILE (see hum --help)");
            return USAGE_ERROR;
        }
        return McpCommand.run(arguments.config(), version(), err);
    }

    /**
     * Why the runtime folder (journals, the bridge socket) may not be used, if it may not: checked
     * before anything in it is read or written, in every mode.
     */
    private static Optional<String> unsafeRuntimeFolder() {
        try {
            RuntimeFolder.prepare(SocketPath.runtimeFolder());
            return Optional.empty();
        } catch (RuntimeFolder.UnsafeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        } catch (IOException e) {
            return Optional.empty(); // cannot be made: the journal and the bridge each say what that costs
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
