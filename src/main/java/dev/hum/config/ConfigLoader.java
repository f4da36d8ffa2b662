package dev.hum.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and loads a project's processes: {@link #discover} for {@code hum} in a folder, {@link #load}
 * for {@code hum -c FILE}. Every failure is a {@link ConfigException}; no other exception escapes.
 */
public final class ConfigLoader {
    /** The hum file names, in the order the documentation lists them. */
    static final List<String> HUM_FILES = List.of("hum.yaml", "hum.yml", "hum.json");

    private ConfigLoader() {}

    /**
     * Looks in {@code folder} for, in order: one of hum.yaml, hum.yml, hum.json (more than one is an
     * error, since hum cannot know which the user edits); package.json with at least one script; a
     * Procfile; and otherwise returns the built-in demo.
     */
    public static ProjectConfig discover(Path folder) throws ConfigException {
        try {
            if (!Files.isDirectory(folder)) {
                throw new ConfigException(ConfigFile.of(folder).display(), 0, 0, "not a folder");
            }
            List<Path> humFiles = HUM_FILES.stream()
                    .map(folder::resolve)
                    .filter(ConfigLoader::present)
                    .toList();
            if (humFiles.size() > 1) {
                ConfigFile first = ConfigFile.of(humFiles.get(0).normalize());
                throw first.error(
                        0,
                        0,
                        "found "
                                + humFiles.stream()
                                        .map(p -> p.getFileName().toString())
                                        .toList() + " in the same folder; keep one, or choose with -c FILE");
            }
            if (humFiles.size() == 1) {
                return loadFile(humFiles.get(0).normalize());
            }
            Path packageJson = folder.resolve("package.json").normalize();
            if (present(packageJson)) {
                var config = PackageJson.load(ConfigFile.of(packageJson));
                if (config.isPresent()) {
                    return withProcfiles(config.get(), folder);
                }
            }
            Path procfile = folder.resolve("Procfile").normalize();
            if (present(procfile)) {
                return Procfile.load(ConfigFile.of(procfile));
            }
            return withProcfiles(Demo.load(folder), folder);
        } catch (RuntimeException e) {
            // A bug here must still reach the user as one line, not a stack trace over the dashboard.
            throw new ConfigException(String.valueOf(folder), 0, 0, "cannot load: " + e);
        }
    }

    /**
     * A Procfile beside a package.json (a Heroku-style app runs {@code Procfile.dev} with {@code heroku
     * local}) is never used silently instead, nor silently passed over: each one found is named with the
     * command that runs it.
     */
    private static ProjectConfig withProcfiles(ProjectConfig config, Path folder) {
        List<String> procfiles = procfiles(folder);
        if (procfiles.isEmpty()) {
            return config;
        }
        var notices = new ArrayList<>(config.notices());
        for (String name : procfiles) {
            notices.add("also found " + name + ": hum -c " + runnable(folder.resolve(name)));
        }
        return new ProjectConfig(config.source(), config.origin(), config.processes(), config.settings(), notices);
    }

    /** {@code Procfile} and {@code Procfile.*} in {@code folder}, Procfile first, then by name. */
    static List<String> procfiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n ->
                            n.equals("Procfile") || (n.startsWith("Procfile.") && n.length() > "Procfile.".length()))
                    .filter(n -> Files.isRegularFile(folder.resolve(n)))
                    .sorted(Comparator.comparing((String n) -> !n.equals("Procfile"))
                            .thenComparing(n -> n))
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // an unreadable folder: nothing more to mention
        }
    }

    /** The path to type for {@code file}: its name when it is in the working folder. */
    private static String runnable(Path file) {
        try {
            Path here = Path.of("").toAbsolutePath();
            String relative = here.relativize(file.toAbsolutePath().normalize()).toString();
            return relative.isEmpty() ? file.toString() : relative;
        } catch (RuntimeException e) {
            return file.toString();
        }
    }

    /**
     * Loads one file chosen by the user: {@code .yaml}/{@code .yml} or {@code .json} in the hum schema,
     * a file named {@code package.json} or {@code Procfile}, or (as a convenience) a folder, which is
     * discovered as above.
     */
    public static ProjectConfig load(Path file) throws ConfigException {
        if (Files.isDirectory(file)) {
            return discover(file);
        }
        return loadFile(file);
    }

    /**
     * Whether discovery takes this name as the project's configuration. Anything there counts, not
     * only a regular file: a folder, FIFO or broken link named hum.yaml is a mistake to report (by
     * {@link ConfigFile#read}), never a reason to fall back to the next source or the demo.
     */
    private static boolean present(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static ProjectConfig loadFile(Path file) throws ConfigException {
        ConfigFile config = ConfigFile.of(file);
        try {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.equals("package.json")) {
                return PackageJson.load(config)
                        .orElseThrow(() -> config.error(0, 0, "no scripts to run; expected a 'scripts' object"));
            }
            if (name.equals("Procfile") || lower.startsWith("procfile.")) {
                return Procfile.load(config);
            }
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                return HumFile.load(config, TreeReader.Syntax.YAML);
            }
            if (lower.endsWith(".json")) {
                return HumFile.load(config, TreeReader.Syntax.JSON);
            }
            throw config.error(
                    0,
                    0,
                    "unknown kind of configuration; expected a .yaml, .yml or .json file, package.json or Procfile");
        } catch (RuntimeException e) {
            throw config.error(0, 0, "cannot load: " + e);
        }
    }
}
