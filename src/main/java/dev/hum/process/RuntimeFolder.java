package dev.hum.process;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;

/**
 * The folder where hum keeps its journals and the dashboard's socket. In a shared temp folder another
 * user can make it first, fill it, or plant a symbolic link in its place; hum reads and writes in it
 * only once it is a real folder of the current user that no one else could write in, and makes it
 * one that no one else may enter (mode 0700).
 */
public final class RuntimeFolder {

    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_FOLDER = 0040000;
    private static final int TYPE_LINK = 0120000;
    private static final int TYPE_FILE = 0100000;
    private static final int OTHERS_WRITE = 0022;

    private RuntimeFolder() {}

    /** A runtime folder hum must not use; the message says what is wrong and what to do about it. */
    public static final class UnsafeException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsafeException(String message) {
            super(message);
        }
    }

    /**
     * Makes {@code folder} with mode 0700 if it is missing, else {@linkplain #check checks} it and takes
     * away what read access group and others had, so that it is 0700 either way.
     *
     * @throws UnsafeException when it exists and is not safe to use
     * @throws IOException when it cannot be made or read
     */
    public static Path prepare(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = folder.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // another hum (or another user) made it at the same moment: checked below like any other
            }
        }
        check(folder);
        // Ours, and no one else could write in it: only reading is left to take away (an older mkdir -p).
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        return folder;
    }

    /**
     * Checks, without following a symbolic link, that {@code folder} is a folder owned by the current
     * user in which neither group nor others may create, rename or delete a file.
     *
     * @throws UnsafeException when it is not
     * @throws IOException when it cannot be read (for example, it does not exist)
     */
    public static void check(Path folder) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(folder, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Objects.requireNonNull(attributes.get("mode"));
        int uid = (Integer) Objects.requireNonNull(attributes.get("uid"));
        String fix = "; remove it and start hum again, or set XDG_RUNTIME_DIR to a folder of yours";
        if ((mode & TYPE_MASK) == TYPE_LINK) {
            throw new UnsafeException(folder + " (hum's runtime folder) is a symbolic link, which another user"
                    + " could have planted; hum will not follow it" + fix);
        }
        if ((mode & TYPE_MASK) != TYPE_FOLDER) {
            throw new UnsafeException(folder + " (hum's runtime folder) is not a folder" + fix);
        }
        int self = Posix.effectiveUid();
        if (uid != self) {
            throw new UnsafeException(folder + " (hum's runtime folder) belongs to uid " + uid + ", not to you (uid "
                    + self + "); another user may have made it to steer hum" + fix);
        }
        if ((mode & OTHERS_WRITE) != 0) {
            throw new UnsafeException(folder + " (hum's runtime folder) has mode " + String.format("%04o", mode & 07777)
                    + ", so other users could put files in it; it must be 0700: if you made it, check what is in"
                    + " it and run chmod 700 " + folder + ", else remove it and start hum again");
        }
    }

    /** True for a regular file (not a symbolic link) that belongs to the current user. */
    static boolean isOwnFile(Path file) {
        try {
            Map<String, Object> attributes = Files.readAttributes(file, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
            return ((Integer) Objects.requireNonNull(attributes.get("mode")) & TYPE_MASK) == TYPE_FILE
                    && (Integer) Objects.requireNonNull(attributes.get("uid")) == Posix.effectiveUid();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
