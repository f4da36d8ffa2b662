package dev.hum.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A pseudo-terminal whose master end the test holds: it reads what the program behind it writes
 * only when the test says so, which is how a frozen ssh session or a suspended terminal emulator
 * looks to that program.
 */
final class Pty implements AutoCloseable {

    private interface C extends Library {
        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        String ptsname(int fd);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);

        int ioctl(int fd, long request, int[] arg);

        int close(int fd);
    }

    private static final C LIBC = Native.load("c", C.class);
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0400;
    private static final long FIONREAD = 0x541B;
    private static final long TIOCSWINSZ = 0x5414;

    private final int master;
    private final Path slave;

    private Pty(int master, Path slave) {
        this.master = master;
        this.slave = slave;
    }

    static Pty open() throws IOException {
        int fd = LIBC.posix_openpt(O_RDWR | O_NOCTTY);
        if (fd < 0 || LIBC.grantpt(fd) != 0 || LIBC.unlockpt(fd) != 0) {
            throw new IOException("cannot open a pseudo-terminal");
        }
        return new Pty(fd, Path.of(LIBC.ptsname(fd)));
    }

    /** The terminal device the program opens as its stdin, stdout and stderr. */
    Path slave() {
        return slave;
    }

    /** Reads what the program wrote, blocking until there is some; empty once it is gone. */
    String read() {
        byte[] buf = new byte[8192];
        long n = LIBC.read(master, buf, buf.length);
        return n <= 0 ? "" : new String(buf, 0, (int) n, StandardCharsets.UTF_8);
    }

    /** Types {@code text} into the terminal, as a person (or the terminal answering a query) would. */
    void type(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        LIBC.write(master, bytes, bytes.length);
    }

    /** Sets the size the kernel keeps for the terminal (TIOCSWINSZ), as a terminal emulator does for its window. */
    void size(int columns, int rows) throws IOException {
        int[] winsize = {(rows & 0xffff) | (columns << 16), 0}; // ws_row, ws_col, then no pixel sizes (little-endian)
        if (LIBC.ioctl(master, TIOCSWINSZ, winsize) != 0) {
            throw new IOException("cannot set the pseudo-terminal's size");
        }
    }

    /** How many bytes the program wrote that nobody has read yet. */
    int unread() {
        int[] n = new int[1];
        return LIBC.ioctl(master, FIONREAD, n) == 0 ? n[0] : -1;
    }

    @Override
    public void close() {
        LIBC.close(master);
    }
}
