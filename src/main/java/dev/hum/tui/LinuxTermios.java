package dev.hum.tui;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The dashboard's terminal mode written into a Linux {@code struct termios} directly, the same change as
 * {@code stty -icanon -echo -isig -ixon -iexten min 1 time 0}. The layout and the flag values are those of
 * Linux's generic headers ({@code asm-generic/termbits.h}), which x86-64 and arm64 use; other architectures
 * (alpha, mips, powerpc, sparc) number some of them differently and go through {@code stty}.
 */
final class LinuxTermios {

    /** Whether this JVM runs where the layout below holds. */
    static final boolean KNOWN = knownPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));

    // struct termios { tcflag_t c_iflag, c_oflag, c_cflag, c_lflag; cc_t c_line; cc_t c_cc[NCCS]; ... }
    private static final int IFLAG = 0;
    private static final int LFLAG = 12;
    private static final int CC = 17;
    private static final int VTIME = 5;
    private static final int VMIN = 6;

    /** The {@code ioctl} request that reads a terminal's {@code struct winsize}. */
    static final long TIOCGWINSZ = 0x5413;

    private static final int IXON = 0002000;
    private static final int ISIG = 0000001;
    private static final int ICANON = 0000002;
    private static final int ECHO = 0000010;
    private static final int IEXTEN = 0100000;

    private LinuxTermios() {}

    static boolean knownPlatform(String os, String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        return os.toLowerCase(Locale.ROOT).startsWith("linux")
                && (a.equals("amd64") || a.equals("x86_64") || a.equals("aarch64"));
    }

    /**
     * {@code termios} (as {@code tcgetattr} filled it) changed to the dashboard's mode: every key reaches
     * hum as a key, one at a time and unechoed (see {@link Tty}'s {@code DASHBOARD_MODE} for why each flag).
     */
    static byte[] dashboardMode(byte[] termios) {
        byte[] mode = termios.clone();
        ByteBuffer fields = ByteBuffer.wrap(mode).order(ByteOrder.nativeOrder());
        fields.putInt(IFLAG, fields.getInt(IFLAG) & ~IXON);
        fields.putInt(LFLAG, fields.getInt(LFLAG) & ~(ICANON | ECHO | ISIG | IEXTEN));
        mode[CC + VMIN] = 1;
        mode[CC + VTIME] = 0;
        return mode;
    }
}
