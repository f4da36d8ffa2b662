package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The dashboard's mode written into the bytes of a {@code struct termios} is the mode {@code stty} makes. */
final class LinuxTermiosTest {

    @Test
    void dashboardMode_isTheModeSttyMakesFromTheSameModes() throws Exception {
        Assumptions.assumeTrue(LinuxTermios.KNOWN, "the layout is known on Linux x86-64 and arm64");
        // A pseudo-terminal from script(1): its modes as stty -g prints them (iflag:oflag:cflag:lflag:cc...),
        // first as set up to differ from the dashboard's, then after stty made the dashboard's of them.
        List<String> modes = sttyOnAPty(
                "stty min 3 time 2; stty -g; stty -icanon -echo -isig -ixon -iexten min 1" + " time 0; stty -g");
        assertEquals(2, modes.size(), modes.toString());
        byte[] before = termios(modes.get(0));
        byte[] expected = termios(modes.get(1));
        assertFalse(java.util.Arrays.equals(before, expected), "stty changed something");

        assertEquals(hex(expected), hex(LinuxTermios.dashboardMode(before)));
    }

    @Test
    void knownPlatform_isLinuxOnX8664AndArm64Only() {
        assertTrue(LinuxTermios.knownPlatform("Linux", "amd64"));
        assertTrue(LinuxTermios.knownPlatform("Linux", "aarch64"));
        assertFalse(LinuxTermios.knownPlatform("Linux", "ppc64le"));
        assertFalse(LinuxTermios.knownPlatform("Mac OS X", "aarch64"));
    }

    private static List<String> sttyOnAPty(String commands) throws Exception {
        Process script = new ProcessBuilder("script", "-qc", commands, "/dev/null")
                .redirectErrorStream(true)
                .start();
        String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(script.waitFor(30, TimeUnit.SECONDS) && script.exitValue() == 0, "script(1): " + out);
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The bytes of a Linux {@code struct termios} (up to its control characters) from {@code stty -g}. */
    private static byte[] termios(String sttyG) {
        String[] fields = sttyG.split(":");
        ByteBuffer termios = ByteBuffer.allocate(17 + fields.length - 4).order(ByteOrder.nativeOrder());
        for (int flag = 0; flag < 4; flag++) {
            termios.putInt(Integer.parseUnsignedInt(fields[flag], 16));
        }
        termios.put((byte) 0); // c_line, which stty -g leaves out
        for (int cc = 4; cc < fields.length; cc++) {
            termios.put((byte) Integer.parseInt(fields[cc], 16));
        }
        return termios.array();
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            b.append(String.format("%02x ", x));
        }
        return b.toString();
    }
}
