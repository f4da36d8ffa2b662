package dev.hum.log;

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
    /*
     * Owned by the LogFiles writer thread; never shared. Lines are gathered in a plain array and written in
     * blocks: a flood writes a million lines, and three calls per line into a BufferedOutputStream (whose methods
     * lock) cost more than the copying.
     */

    private static final int BUFFER = 64 * 1024;

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

    private Path numbered(int i) {
        return path.resolveSibling(path.getFileName() + "." + i);
    }

    private OutputStream open() throws IOException {
        OutputStream raw = Files.newOutputStream(
                path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        rotatable = Files.isRegularFile(path);
        size = rotatable ? Files.size(path) : 0;
        return raw;
    }
}
