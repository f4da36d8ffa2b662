package dev.hum.cli;

import dev.hum.control.Until;
import dev.hum.control.WaitRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of the verbs that drive a running hum over its control socket: {@code hum ps [--json]},
 * {@code hum start|stop|restart NAME...}, {@code hum logs [NAME] [-f] [-n N] [--grep TEXT] [--json]}, {@code hum
 * wait NAME --ready|--exit|--log RE|--text TEXT|--port N [--timeout 30s] [--json]}.
 */
record ControlArguments(
        String verb,
        List<String> names,
        boolean json,
        boolean follow,
        int lines,
        Optional<String> grep,
        Optional<Until> until,
        Duration timeout) {

    static final Set<String> VERBS = Set.of("ps", "start", "stop", "restart", "logs", "wait");

    static final String USAGE = String.join(
            "\n",
            "       hum ps [--json]",
            "       hum start|stop|restart NAME...",
            "       hum logs [NAME] [-f] [-n N] [--grep TEXT] [--json]",
            "       hum wait NAME --ready|--exit|--log RE|--text TEXT|--port N [--timeout 30s] [--json]");

    /** Lines {@code hum logs} prints without {@code -n}. */
    static final int DEFAULT_LINES = 100;

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    static boolean isVerb(String[] args) {
        return args.length > 0 && VERBS.contains(args[0]);
    }

    static ControlArguments parse(String... args) throws Arguments.UsageException {
        String verb = args[0];
        List<String> names = new ArrayList<>();
        boolean json = false;
        boolean follow = false;
        int lines = DEFAULT_LINES;
        Optional<String> grep = Optional.empty();
        List<Until> until = new ArrayList<>();
        Duration timeout = WaitRequest.DEFAULT_TIMEOUT;
        boolean onlyNames = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (onlyNames || !arg.startsWith("-") || arg.equals("-")) {
                names.add(arg);
                continue;
            }
            switch (arg) {
                case "--" -> onlyNames = true;
                case "--json" -> json = true;
                case "-f", "--follow" -> follow = true;
                case "-n", "--lines" -> lines = number(verb, arg, value(args, i++, verb), 1, 100_000);
                case "--grep" -> grep = Optional.of(value(args, i++, verb));
                case "--ready" -> until.add(new Until.Ready());
                case "--exit" -> until.add(new Until.Exit());
                case "--log" -> until.add(new Until.Log(value(args, i++, verb), true));
                case "--text" -> until.add(new Until.Log(value(args, i++, verb), false));
                case "--port" -> until.add(new Until.Port(number(verb, arg, value(args, i++, verb), 1, 65535)));
                case "--timeout" -> timeout = duration(value(args, i++, verb));
                default ->
                    throw new Arguments.UsageException("hum " + verb + ": unknown option " + arg + " (see hum --help)");
            }
        }
        ControlArguments parsed = new ControlArguments(
                verb,
                List.copyOf(names),
                json,
                follow,
                lines,
                grep,
                until.stream().findFirst(),
                timeout);
        parsed.check(until.size());
        return parsed;
    }

    /** Refuses the options that do not go with the verb, and missing names. */
    private void check(int conditions) throws Arguments.UsageException {
        boolean logsOnly = follow || lines != DEFAULT_LINES || grep.isPresent();
        boolean waitOnly = conditions > 0 || !timeout.equals(WaitRequest.DEFAULT_TIMEOUT);
        switch (verb) {
            case "ps" -> {
                refuse(!names.isEmpty(), "takes no names; it lists every process");
                refuse(logsOnly || waitOnly, "takes only --json");
            }
            case "start", "stop", "restart" -> {
                refuse(names.isEmpty(), "needs the names of the processes, e.g. hum " + verb + " web");
                refuse(logsOnly || waitOnly, "takes only names (and --json)");
            }
            case "logs" -> {
                refuse(names.size() > 1, "takes at most one name");
                refuse(waitOnly, "takes [NAME] [-f] [-n N] [--grep TEXT] [--json]");
            }
            default -> { // wait
                refuse(names.size() != 1, "needs one process name, e.g. hum wait web --ready");
                refuse(conditions != 1, "needs one of --ready, --exit, --log RE, --text TEXT, --port N");
                refuse(logsOnly, "takes NAME, one condition, --timeout and --json");
            }
        }
    }

    private void refuse(boolean wrong, String why) throws Arguments.UsageException {
        if (wrong) {
            throw new Arguments.UsageException("hum " + verb + " " + why);
        }
    }

    private static String value(String[] args, int i, String verb) throws Arguments.UsageException {
        if (i + 1 >= args.length) {
            throw new Arguments.UsageException("hum " + verb + ": " + args[i] + " needs a value (see hum --help)");
        }
        return args[i + 1];
    }

    private static int number(String verb, String option, String text, int min, int max)
            throws Arguments.UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Arguments.UsageException(
                "hum " + verb + ": " + option + " takes a number from " + min + " to " + max + ", not '" + text + "'");
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, or a number of seconds. */
    static Duration duration(String text) throws Arguments.UsageException {
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d =
                    switch (unit) {
                        case "ms" -> Duration.ofMillis(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    };
            if (d.compareTo(WaitRequest.MAX_TIMEOUT) <= 0) {
                return d;
            }
        }
        throw new Arguments.UsageException(
                "--timeout takes a duration up to 10m such as 30s, 500ms or 2m, not '" + text + "'");
    }
}
