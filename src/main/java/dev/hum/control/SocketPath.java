package dev.hum.control;

import dev.hum.process.Journal;
import dev.hum.process.RuntimeFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/** Where the dashboard of a project folder listens: a socket in a folder only its user may enter. */
public final class SocketPath {

    static final Set<PosixFilePermission> SOCKET_MODE = PosixFilePermissions.fromString("rw-------");

    /** Keeps the whole path under the 107 bytes a Unix socket address allows. */
    private static final int MAX_NAME_CHARS = 32;

    private SocketPath() {}

    /** {@code $XDG_RUNTIME_DIR/hum}, else {@code <temp folder>/hum-<user>}. */
    public static Path runtimeFolder() {
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isEmpty() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg, "hum");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "hum-" + System.getProperty("user.name"));
    }

    /** The socket of the dashboard for {@code projectFolder}, in the default runtime folder. */
    public static Path forProject(Path projectFolder) {
        return forProject(runtimeFolder(), projectFolder);
    }

    /**
     * {@code <runtime>/<folder name>-<hash>.sock}: the name is for people listing the folder, the hash
     * of the real path tells apart two projects with the same folder name.
     */
    public static Path forProject(Path runtime, Path projectFolder) {
        Path real = realPath(projectFolder);
        Path last = real.getFileName();
        String name = last == null ? "root" : last.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > MAX_NAME_CHARS) {
            name = name.substring(0, MAX_NAME_CHARS);
        }
        return runtime.resolve(name + "-" + hash(real.toString()) + ".sock");
    }

    /**
     * Creates the runtime folder with mode 0700, or checks that an existing one is a real folder of
     * this user that no one else may enter: in a shared temp folder another user could have made it
     * first, to read our socket or to plant one.
     */
    static void prepareFolder(Path folder) throws IOException {
        RuntimeFolder.prepare(folder);
    }

    /**
     * Stops what killed hums of {@code projectFolder} left running and opens this hum's journal: one
     * file per hum beside the socket, named after it (see {@link Journal#open}).
     */
    public static Journal openJournal(Path runtime, Path projectFolder) {
        Path socket = forProject(runtime, projectFolder);
        String base = socket.getFileName().toString().replaceAll("\\.sock$", "");
        return Journal.open(Objects.requireNonNull(socket.getParent(), "a socket path names its folder"), base);
    }

    private static Path realPath(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * Ten hex digits of the 64-bit FNV-1a hash of {@code text}'s UTF-8 bytes. Not a cryptographic hash, and
     * none is needed: only this user can write in the runtime folder ({@link RuntimeFolder}), and two of their
     * own project paths share a name with a chance of one in a trillion. A {@code MessageDigest} would set up
     * the JVM's security providers, milliseconds of every start (issue 14).
     */
    static String hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(h).substring(0, 10);
    }
}
