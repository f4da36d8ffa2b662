package dev.hum.cli;

import dev.hum.config.ConfigException;
import dev.hum.config.InitFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** {@code hum init}: writes a commented hum.yaml from what discovery finds here; never overwrites one. */
final class InitCommand {

    private static final List<String> HUM_FILES = List.of("hum.yaml", "hum.yml", "hum.json");

    private InitCommand() {}

    static int run(Path folder, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println(Arguments.USAGE);
            return 0;
        }
        if (args.length > 0) {
            err.println("hum init: takes no arguments; it writes hum.yaml in the current folder");
            return Main.USAGE_ERROR;
        }
        for (String name : HUM_FILES) {
            if (Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                err.println("hum init: " + name + " already exists; hum init never overwrites it (remove it first to"
                        + " start again)");
                return Main.USAGE_ERROR;
            }
        }
        InitFile.Draft draft;
        try {
            draft = InitFile.draft(folder);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Main.USAGE_ERROR;
        }
        Path file = folder.resolve("hum.yaml");
        try {
            // CREATE_NEW: a hum.yaml made meanwhile is refused by the file system itself, never overwritten.
            Files.writeString(file, draft.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            err.println("hum init: hum.yaml already exists; hum init never overwrites it");
            return Main.USAGE_ERROR;
        } catch (IOException e) {
            err.println("hum init: cannot write hum.yaml: " + e.getMessage());
            return 1;
        }
        String from = draft.sources().isEmpty() ? "an example" : String.join(", ", draft.sources());
        err.println("hum: wrote hum.yaml with " + draft.processes()
                + (draft.processes() == 1 ? " process" : " processes") + " from " + from + "; edit it, then run hum");
        return 0;
    }
}
