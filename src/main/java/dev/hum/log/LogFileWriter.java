package dev.hum.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One process's log file: lines appended as they come, rotated when the next line would pass the size bound
 * ({@code name.log} becomes {@code name.log.1}, {@code .1} becomes {@code .2}, …), keeping {@code keep} files in all.
 */
final class LogFileWriter {
    /* Owned by the LogFiles writer thread; never shared. */

    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private final long maxSize;
    private final int keep;
    private OutputStream out;
    private long size;
    private boolean dirty;
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
        out.write(stamp);
        out.write(text, from, to - from);
        out.write('\n');
        size += n;
        dirty = true;
    }

    void flush() throws IOException {
        if (dirty) {
            dirty = false;
            out.flush();
        }
    }

    void close() throws IOException {
        out.close();
    }

    private void rotate() throws IOException {
        out.close();
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

    private Path numbered(int i) {
        return path.resolveSibling(path.getFileName() + "." + i);
    }

    private OutputStream open() throws IOException {
        OutputStream raw = Files.newOutputStream(
                path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        rotatable = Files.isRegularFile(path);
        size = rotatable ? Files.size(path) : 0;
        return new BufferedOutputStream(raw, BUFFER);
    }
}
