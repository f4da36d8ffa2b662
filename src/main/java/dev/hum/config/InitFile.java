package dev.hum.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text of the commented hum.yaml that {@code hum init} writes: every process discovery finds in a folder
 * (package.json scripts, workspace packages' scripts, the entries of each Procfile and Procfile.*), in the hum
 * schema, with the places for {@code depends_on}, {@code ready} and {@code restart} shown as comments.
 */
public final class InitFile {

    /** The file written, and what it holds. */
    public record Draft(String text, int processes, List<String> sources) {}

    /** Unquoted YAML that no YAML reader takes for anything but this text. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./@+=,-]*( [A-Za-z0-9_./@+=,$-]+)*");

    private static final Set<String> YAML_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    private static final String WHAT_GOES_WHERE =
            """
            # Where more goes, once your hum takes these keys (take away the # in front of one):
            #   depends_on: [db]                       start after db is ready (or db: started | ready | exited 0)
            #   ready: { http: http://localhost:3000/ } when it counts as ready; or tcp: 5432, log: 'ready in', exec: ...
            #   restart: on-failure                    no (the default), on-failure or always
            """;

    private InitFile() {}

    /** What discovery finds in {@code folder}, as hum.yaml text. */
    public static Draft draft(Path folder) throws ConfigException {
        var sections = new ArrayList<Section>();
        var sources = new ArrayList<String>();
        Path packageJson = folder.resolve("package.json");
        if (Files.exists(packageJson, LinkOption.NOFOLLOW_LINKS)) {
            Optional<ProjectConfig> scripts = PackageJson.load(ConfigFile.of(packageJson));
            if (scripts.isPresent()) {
                sources.add("package.json");
                sections.add(new Section(
                        "package.json scripts: listed, not started (autostart: false); workspace packages'"
                                + " run in their folder",
                        scripts.get().processes(),
                        List.of()));
            }
        }
        for (String name : ConfigLoader.procfiles(folder)) {
            Path procfile = folder.resolve(name);
            try {
                ProjectConfig config = Procfile.load(ConfigFile.of(procfile));
                sources.add(name);
                var notes = new ArrayList<String>();
                if (!config.processes().isEmpty()
                        && !config.processes().get(0).env().isEmpty()) {
                    notes.add("hum gave these the variables of .env beside " + name + "; hum.yaml does not read it"
                            + " unless you add env_file: .env (if your hum takes it) or env: {...}");
                }
                sections.add(new Section(
                        name + ": started with hum (autostart is true by default)", config.processes(), notes));
            } catch (ConfigException e) {
                sections.add(new Section(name + " left out: " + e.getMessage(), List.of(), List.of()));
            }
        }
        var out = new StringBuilder();
        out.append("# hum.yaml, written by hum init from ")
                .append(
                        sources.isEmpty()
                                ? "nothing (no package.json scripts or Procfile here)"
                                : String.join(", ", sources))
                .append(".\n");
        out.append("# Edit it freely: hum reads this file first from now on. Every key: README, \"The hum schema\".\n");
        out.append("#\n").append(WHAT_GOES_WHERE);
        out.append("processes:\n");
        var taken = new HashSet<String>();
        int written = 0;
        for (Section section : sections) {
            out.append("\n  # ").append(ProcessName.printable(section.title())).append('\n');
            for (String note : section.notes()) {
                out.append("  # ").append(ProcessName.printable(note)).append('\n');
            }
            for (ProcessSpec spec : section.processes()) {
                written += process(out, folder, spec, taken) ? 1 : 0;
            }
        }
        if (written == 0) {
            // The schema wants at least one process: a start that runs and shows where the real ones go.
            out.append("\n  # nothing found to run: replace this one with your dev server, watcher, database ...\n");
            out.append("  hello:\n    cmd: echo hello from hum\n");
            appendWhatGoesWhere(out);
            written = 1;
        }
        return new Draft(out.toString(), written, List.copyOf(sources));
    }

    private record Section(String title, List<ProcessSpec> processes, List<String> notes) {}

    /** Appends one process; false when its name is taken by one written before (two Procfiles), so it is left as a note. */
    private static boolean process(StringBuilder out, Path folder, ProcessSpec spec, Set<String> taken) {
        String name = humName(spec.name());
        if (name.isEmpty() || !taken.add(name)) {
            out.append("  # ")
                    .append(ProcessName.printable(spec.name()))
                    .append(" left out: the name is written above\n");
            return false;
        }
        out.append("  ").append(scalar(name)).append(":\n");
        out.append("    cmd: ").append(command(spec.command())).append('\n');
        Path root = folder.toAbsolutePath().normalize();
        if (!spec.cwd().equals(root)) {
            out.append("    cwd: ")
                    .append(scalar(root.relativize(spec.cwd()).toString()))
                    .append('\n');
        }
        if (!spec.autostart()) {
            out.append("    autostart: false\n");
        }
        appendWhatGoesWhere(out);
        return true;
    }

    private static void appendWhatGoesWhere(StringBuilder out) {
        out.append("    # depends_on: [db]\n    # ready: { tcp: 5432 }\n    # restart: on-failure\n");
    }

    /**
     * A name the hum schema takes ({@link ProcessName#problem}): npm's script names may hold spaces and other
     * characters a hum.yaml name may not, which become {@code -}; the command still names the script as it is.
     */
    private static String humName(String name) {
        if (ProcessName.problem(name).isEmpty()) {
            return name;
        }
        String replaced = name.replaceAll("[^A-Za-z0-9._:@/+-]", "-").replaceFirst("^-+", "");
        return ProcessName.problem(replaced).isEmpty() ? replaced : "";
    }

    private static String command(Command command) {
        if (command instanceof Command.Shell shell) {
            return scalar(shell.script());
        }
        return "["
                + String.join(
                        ", ", command.argv().stream().map(InitFile::scalar).toList()) + "]";
    }

    /** {@code text} as a YAML scalar: plain when it cannot be misread, else double-quoted with escapes. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        var sb = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        sb.append(String.format("\\u%04X", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
