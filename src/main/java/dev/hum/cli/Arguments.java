package dev.hum.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parsed command line: {@code hum [-c FILE] [--headless] [NAME...]}, {@code --version}, {@code
 * --help}; {@code hum mcp [-c FILE]} is parsed the same way after its first word ({@code hum init} takes
 * none: see InitCommand).
 */
record Arguments(Optional<Path> config, boolean headless, boolean help, boolean version, List<String> names) {

    static final String USAGE = String.join(
            "\n",
            "usage: hum [-c FILE] [--headless] [NAME...]",
            "       hum mcp [-c FILE]",
            "       hum init",
            ControlArguments.USAGE,
            "",
            "Opens a dashboard of the processes of a development session: every process of hum.yaml, hum.yml or",
            "hum.json; else the scripts of package.json (started only when named); else a Procfile;",
            "else a built-in demo.",
            "",
            "  NAME...            start only these processes (the others are listed, not started)",
            "  -c, --config FILE  use this configuration file",
            "      --headless     no dashboard: print every line as 'name | line' and exit when all",
            "                     processes have ended, with the worst exit code",
            "      --version      print the version",
            "  mcp                serve the processes to an AI agent over MCP on stdio; bridges to",
            "                     the dashboard of this folder when one runs, else supervises them",
            "  init               write a commented hum.yaml from what hum finds here (package.json",
            "                     scripts, workspaces, Procfiles); never overwrites one",
            "  -h, --help         print this help",
            "",
            "ps, start, stop, restart, logs and wait drive the hum (dashboard or --headless) running for",
            "this folder or one above it: exit 0 done, 1 the process failed or exited meanwhile, 124 timeout,",
            "3 no hum runs here. --json prints one JSON object per line.",
            "",
            "Exit codes: the worst exit code of the processes (headless), 2 for usage and",
            "configuration errors, 128+n when hum is stopped by signal n.");

    /** Thrown for a command line hum cannot understand; the message is one line for stderr. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static Arguments parse(String... args) throws UsageException {
        Optional<Path> config = Optional.empty();
        boolean headless = false;
        boolean help = false;
        boolean version = false;
        List<String> names = new ArrayList<>();
        boolean onlyNames = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyNames || !arg.startsWith("-") || arg.equals("-")) {
                names.add(arg);
                continue;
            }
            switch (arg) {
                case "--":
                    onlyNames = true;
                    break;
                case "-c":
                case "--config":
                    if (i + 1 >= args.length || args[i + 1].isEmpty()) {
                        throw new UsageException(arg + " needs a file: hum -c hum.yaml");
                    }
                    config = Optional.of(Path.of(args[++i]));
                    break;
                case "--headless":
                    headless = true;
                    break;
                case "-h":
                case "--help":
                    help = true;
                    break;
                case "-V":
                case "--version":
                    version = true;
                    break;
                default:
                    if (arg.startsWith("--config=")) {
                        config = Optional.of(Path.of(arg.substring("--config=".length())));
                        break;
                    }
                    throw new UsageException("unknown option " + arg + " (see hum --help)");
            }
        }
        return new Arguments(config, headless, help, version, List.copyOf(names));
    }
}
