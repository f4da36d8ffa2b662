package dev.hum.tui;

import com.googlecode.lanterna.TerminalSize;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import dev.hum.process.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The terminal's modes (echo, line mode, which keys make signals) on standard input, read and set
 * through libc, and hum stopping itself for the shell's job control.
 *
 * <p>Modes are kept as the opaque bytes of a {@code struct termios}: they are only ever read back and
 * set again, so no field layout is assumed. Setting them uses {@code TCSANOW}, which does not wait
 * for output to drain: a terminal that stopped reading can still get its modes back.
 */
final class Tty {

    private interface CLibrary extends Library {
        int tcgetattr(int fd, byte[] termios);

        int tcsetattr(int fd, int when, byte[] termios);

        int raise(int signal);

        int ioctl(int fd, NativeLong request, byte[] argument);
    }

    private static final CLibrary C = Libc.load(CLibrary.class);

    /** Larger than any platform's {@code struct termios} (60 bytes on Linux, 72 on macOS). */
    private static final int TERMIOS_BYTES = 256;

    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final int TCSANOW = 0;
    private static final int SIGTSTP = 20; // Linux numbering, as everywhere in hum

    /**
     * The dashboard's mode: every key reaches hum as a key, one at a time and unechoed. Without
     * {@code -isig} Ctrl-Z and Ctrl-\ would stop the JVM or print its thread dump over the screen;
     * without {@code -ixon} Ctrl-S would freeze the output; without {@code -iexten} Ctrl-V and Ctrl-O
     * would be eaten by the line discipline.
     */
    private static final List<String> DASHBOARD_MODE =
            List.of("-icanon", "-echo", "-isig", "-ixon", "-iexten", "min", "1", "time", "0");

    private Tty() {}

    /** The terminal's modes now. */
    static byte[] modes() throws IOException {
        byte[] termios = new byte[TERMIOS_BYTES];
        if (C.tcgetattr(STDIN, termios) != 0) {
            throw new IOException("cannot read the terminal's modes (tcgetattr failed)");
        }
        return termios;
    }

    /**
     * Sets modes read earlier by {@link #modes}. Called by a background process (after the shell's
     * {@code bg}), this stops hum with SIGTTOU until the shell gives it the terminal again.
     */
    static void setModes(byte[] termios) throws IOException {
        if (C.tcsetattr(STDIN, TCSANOW, termios) != 0) {
            throw new IOException("cannot set the terminal's modes (tcsetattr failed)");
        }
    }

    /**
     * Puts the terminal in the dashboard's mode and returns the modes that result: through libc where
     * {@link LinuxTermios} knows the layout of {@code struct termios}, else through {@code stty}, which
     * knows each platform's flags (a fork and an exec: milliseconds before the first frame).
     */
    static byte[] enterDashboardMode() throws IOException {
        if (LinuxTermios.KNOWN) {
            setModes(LinuxTermios.dashboardMode(modes()));
            return modes();
        }
        return enterDashboardModeThroughStty();
    }

    private static byte[] enterDashboardModeThroughStty() throws IOException {
        List<String> command = new ArrayList<>();
        command.add("/bin/stty"); // where Lanterna looks for it too
        command.addAll(DASHBOARD_MODE);
        Process stty = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectErrorStream(true)
                .start();
        try (InputStream out = stty.getInputStream()) {
            String said = new String(out.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (!stty.waitFor(30, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                stty.destroyForcibly();
                throw new IOException("stty " + String.join(" ", DASHBOARD_MODE) + " failed: " + said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the terminal's mode", e);
        }
        return modes();
    }

    /**
     * The terminal's size in cells as the kernel keeps it for standard output ({@code TIOCGWINSZ}), where
     * {@link LinuxTermios} knows the request's number; empty elsewhere, or when standard output is no terminal
     * or knows no size. Asked instead of the cursor-position report Lanterna would send: no round trip through
     * the terminal before the first frame, and no 5 s wait on a terminal that never answers.
     */
    static Optional<TerminalSize> windowSize() {
        if (!LinuxTermios.KNOWN) {
            return Optional.empty();
        }
        byte[] winsize = new byte[8]; // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
        if (C.ioctl(STDOUT, new NativeLong(LinuxTermios.TIOCGWINSZ), winsize) != 0) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(winsize).order(ByteOrder.nativeOrder());
        int rows = Short.toUnsignedInt(fields.getShort(0));
        int columns = Short.toUnsignedInt(fields.getShort(2));
        return rows > 0 && columns > 0 ? Optional.of(new TerminalSize(columns, rows)) : Optional.empty();
    }

    /**
     * Stops hum as Ctrl-Z stops a program in a shell, and returns once the shell continues it
     * ({@code fg} or {@code bg}). Raised on the calling thread, so that this thread is stopped before
     * it returns. Returns at once where nobody could continue hum (a process group without a job
     * control shell, where the kernel drops the signal) or where SIGTSTP is ignored.
     */
    static void stopForJobControl() {
        C.raise(SIGTSTP);
    }
}
