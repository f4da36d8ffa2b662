package dev.hum.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What to execute for a process: a shell script or a plain argument vector. */
public sealed interface Command {

    /** The argument vector to hand to the operating system, program first. */
    List<String> argv();

    /** A one-line form for the dashboard and logs; not meant to be re-parsed. */
    String display();

    /** A script run through {@code /bin/sh -c}, so pipes, {@code &&} and variables work. */
    record Shell(String script) implements Command {
        public Shell {
            Objects.requireNonNull(script, "script");
        }

        @Override
        public List<String> argv() {
            return List.of("/bin/sh", "-c", script);
        }

        @Override
        public String display() {
            // Multi-line scripts (the demo's) would break a one-line list entry: show their first
            // command, skipping the comment lines a script usually opens with.
            String[] lines = script.strip().split("\n");
            int first = 0;
            while (first < lines.length - 1
                    && (lines[first].isBlank() || lines[first].strip().startsWith("#"))) {
                first++;
            }
            String shown = lines[first].strip();
            return lines.length == 1 ? shown : shown + " …";
        }
    }

    /** A program and its arguments, executed directly without a shell. */
    record Argv(List<String> args) implements Command {
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

        public Argv {
            args = List.copyOf(args);
            if (args.isEmpty()) {
                throw new IllegalArgumentException("empty argv");
            }
        }

        @Override
        public List<String> argv() {
            return args;
        }

        @Override
        public String display() {
            return args.stream().map(Argv::quote).collect(Collectors.joining(" "));
        }

        // Quoted the way sh would need it, so what the user sees is what they could paste.
        private static String quote(String arg) {
            if (PLAIN.matcher(arg).matches()) {
                return arg;
            }
            return "'" + arg.replace("'", "'\\''") + "'";
        }
    }
}
