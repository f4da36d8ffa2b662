package dev.hum.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds live processes by a unique token in their environment, which every descendant inherits: it
 * sees processes that escaped any group or were re-parented, so a test cannot be fooled by hum's own
 * bookkeeping.
 */
final class Leftovers {

    /** The environment variable that carries a test's token. */
    static final String VARIABLE = "HUM_TEST_TOKEN";

    private Leftovers() {}

    /** A token to put in a test's command lines. */
    static String token() {
        return "humtest-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The pids of live (not zombie) processes whose environment holds {@code token}. */
    static List<Long> find(String token) {
        List<Long> pids = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : dir) {
                try {
                    long pid = Long.parseLong(p.getFileName().toString());
                    String environ = new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8);
                    if (pid != self && environ.contains(VARIABLE + "=" + token) && !isZombie(pid)) {
                        pids.add(pid);
                    }
                } catch (IOException | NumberFormatException e) {
                    // gone while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return pids;
    }

    private static boolean isZombie(long pid) {
        return ProcEntry.read(pid).map(ProcEntry::isZombie).orElse(true);
    }
}
