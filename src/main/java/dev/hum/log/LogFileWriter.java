package dev.hum.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;

/**
 * One process's log file: lines appended as they come, rotated when the next line would pass the size bound
 * ({@code name.log} becomes {@code name.log.1}, {@code .1} becomes {@code .2}, …), keeping {@code keep} files in all.
 */
final class LogFileWriter {
    /*
     * Owned by the LogFiles writer thread; never shared. Lines are gathered in a plain array and written in
     * blocks: a flood writes a million lines, and three calls per line into a BufferedOutputStream (whose methods
     * lock) cost more than the copying.
     */

    private static final int BUFFER = 64 * 1024;

    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_LINK = 0120000;
    private static final int TYPE_CHAR_DEVICE = 0020000;

    /** This process's effective uid: /proc/self belongs to it (hum runs on Linux: /proc, prctl, setsid). */
    private static final int OWN_UID = ownUid();

    private final Path path;
    private final long maxSize;
    private final int keep;
    private OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int buffered;
    private long size;
    /** Only a regular file is rotated: renaming /dev/null or a FIFO someone reads would be a surprise. */
    private boolean rotatable;

    /** Opens {@code path} for appending (a file from an earlier session goes on), creating its folder if needed. */
    LogFileWriter(Path path, long maxSize, int keep) throws IOException {
        this.path = path;
        this.maxSize = maxSize;
        this.keep = keep;
        Path folder = path.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        this.out = open();
    }

    /** Writes {@code stamp}, {@code text[from, to)} and a newline, rotating first if the file would grow too big. */
    void line(byte[] stamp, byte[] text, int from, int to) throws IOException {
        long n = stamp.length + (long) (to - from) + 1;
        if (rotatable && size > 0 && size + n > maxSize) {
            rotate();
        }
        if (n > BUFFER - buffered) {
            flush();
        }
        if (n > BUFFER) { // longer than the buffer (a long stamp or line): straight through
            out.write(stamp);
            out.write(text, from, to - from);
            out.write('\n');
        } else {
            System.arraycopy(stamp, 0, buffer, buffered, stamp.length);
            buffered += stamp.length;
            System.arraycopy(text, from, buffer, buffered, to - from);
            buffered += to - from;
            buffer[buffered++] = '\n';
        }
        size += n;
    }

    void flush() throws IOException {
        if (buffered > 0) {
            int n = buffered;
            buffered = 0; // a failed write is not tried again: the file is given up on
            out.write(buffer, 0, n);
        }
    }

    void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    private void rotate() throws IOException {
        close();
        if (keep == 1) {
            Files.deleteIfExists(path);
        } else {
            Files.deleteIfExists(numbered(keep - 1));
            for (int i = keep - 2; i >= 1; i--) {
                if (Files.exists(numbered(i))) {
                    Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(path, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
        out = open();
    }

    private static int ownUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1; // then nothing found in a log folder counts as ours, and only new files and devices are used
        }
    }

    private Path numbered(int i) {
        return path.resolveSibling(path.getFileName() + "." + i);
    }

    private OutputStream open() throws IOException {
        // A log folder may be one others can write in (/tmp): a link or a file planted there by another user would
        // have hum append the session's output to a file of the user's choosing (a link to ~/.bashrc), or hand it
        // to them (a file or FIFO of theirs that they read). What is found there, not followed, must be the
        // user's own; a device (/dev/null) is written whoever owns it. When there was nothing, or it was not a
        // link, it is opened without following one, so that a link made between the check and the open fails.
        boolean follow = false;
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Map<String, Object> found = Files.readAttributes(path, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
            int type = (Integer) Objects.requireNonNull(found.get("mode")) & TYPE_MASK;
            int uid = (Integer) Objects.requireNonNull(found.get("uid"));
            if (type != TYPE_CHAR_DEVICE && uid != OWN_UID) {
                throw new FileSystemException(
                        path.toString(),
                        null,
                        (type == TYPE_LINK ? "a symbolic link" : "a file") + " of uid " + uid + ", not yours (uid "
                                + OWN_UID + "): another user may have put it there; hum will not write through it");
            }
            follow = type == TYPE_LINK;
        }
        OutputStream raw = follow
                ? Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newOutputStream(
                        path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        rotatable = Files.isRegularFile(path);
        size = rotatable ? Files.size(path) : 0;
        return raw;
    }
}
