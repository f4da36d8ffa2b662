package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clipboard programs, run for real: stand-ins named xclip, wl-copy and pbcopy in a folder on a test PATH. */
final class ClipboardTest {

    @TempDir
    Path bin;

    private static final byte[] TEXT = "first line\nsecond – ünïcode".getBytes(StandardCharsets.UTF_8);

    @Test
    void copy_withADisplayAndXclipOnPath_givesXclipTheTextAndSaysSo() throws Exception {
        Path out = bin.resolve("xclip.out");
        program("xclip", "[ \"$1 $2\" = '-selection clipboard' ] || exit 9; cat > " + out);
        Clipboard clipboard = new Clipboard(Map.of("PATH", withSystemPath(), "DISPLAY", ":0"), Duration.ofSeconds(60));
        List<byte[]> sent = new ArrayList<>();
        ConcurrentLinkedQueue<String> said = new ConcurrentLinkedQueue<>();
        clipboard.copy(capacity -> new CopyMode.Copied(TEXT, 2, false), s -> sent.add(s), said::add);
        String later = Poll.until("xclip's outcome", said::peek, s -> s != null);
        assertEquals("copied 2 lines (31 B) to the clipboard: OSC 52, xclip", later);
        assertArrayEquals(TEXT, Files.readAllBytes(out));
        assertArrayEquals(Clipboard.osc52(TEXT), sent.get(0));
    }

    @Test
    void copy_aProgramThatFails_isNamedBesideTheWayThatWorked() throws Exception {
        program("xclip", "cat > /dev/null; exit 1");
        Clipboard clipboard = new Clipboard(Map.of("PATH", withSystemPath(), "DISPLAY", ":0"), Duration.ofSeconds(60));
        AtomicReference<String> said = new AtomicReference<>();
        clipboard.copy(capacity -> new CopyMode.Copied(TEXT, 2, false), s -> true, said::set);
        String later = Poll.until("xclip's outcome", said::get, s -> s != null);
        assertEquals("copied 2 lines (31 B) to the clipboard: OSC 52 · xclip failed (exit 1)", later);
    }

    @Test
    void program_followsTheDisplayThatIsSet() throws Exception {
        program("xclip", "cat > /dev/null");
        program("wl-copy", "cat > /dev/null");
        String path = bin.toString();
        assertEquals(Optional.empty(), new Clipboard(Map.of("PATH", path), Duration.ofSeconds(1)).program());
        assertEquals("xclip", name(new Clipboard(Map.of("PATH", path, "DISPLAY", ":0"), Duration.ofSeconds(1))));
        assertEquals(
                "wl-copy",
                name(new Clipboard(
                        Map.of("PATH", path, "DISPLAY", ":0", "WAYLAND_DISPLAY", "wayland-0"), Duration.ofSeconds(1))));
        program("pbcopy", "cat > /dev/null");
        assertEquals("pbcopy", name(new Clipboard(Map.of("PATH", path), Duration.ofSeconds(1))));
    }

    @Test
    void copy_aProgramThatHangsIsKilledAtTheTimeout() throws Exception {
        Path pid = bin.resolve("pid");
        program("pbcopy", "echo $$ > " + pid + "; exec sleep 300");
        Clipboard clipboard = new Clipboard(Map.of("PATH", withSystemPath()), Duration.ofMillis(300));
        AtomicReference<String> said = new AtomicReference<>();
        clipboard.copy(capacity -> new CopyMode.Copied(TEXT, 2, false), s -> false, said::set);
        String later = Poll.until("the timeout", said::get, s -> s != null);
        assertEquals("nothing copied: pbcopy timed out", later);
        long stuck = Long.parseLong(Files.readString(pid).strip());
        Poll.until(
                "the hung program to die",
                () -> ProcessHandle.of(stuck).map(ProcessHandle::isAlive),
                alive -> alive.map(a -> !a).orElse(true));
    }

    @Test
    void copy_noTerminalAndNoProgram_saysNothingWasCopied() {
        Clipboard clipboard = new Clipboard(Map.of(), Duration.ofSeconds(1));
        AtomicReference<String> said = new AtomicReference<>();
        clipboard.copy(capacity -> new CopyMode.Copied(TEXT, 2, false), s -> false, said::set);
        assertEquals(
                "nothing copied: no terminal and no clipboard program",
                Poll.until("the message", said::get, s -> s != null));
    }

    @Test
    void osc52_isTheBase64OfTheTextBetweenOscAndBel() {
        String sequence = new String(Clipboard.osc52(TEXT), StandardCharsets.US_ASCII);
        assertTrue(sequence.startsWith("\u001b]52;c;") && sequence.endsWith("\u0007"), sequence);
        byte[] decoded = java.util.Base64.getDecoder().decode(sequence.substring(7, sequence.length() - 1));
        assertArrayEquals(TEXT, decoded);
        assertEquals(74_994, Clipboard.OSC52_MAX_TEXT, "the most text whose sequence stays within 100,000 bytes");
        assertTrue(Clipboard.osc52(new byte[Clipboard.OSC52_MAX_TEXT]).length <= Clipboard.OSC52_MAX_SEQUENCE);
    }

    /** The stand-ins first, then the system's folders, where the stand-ins find cat and sleep. */
    private String withSystemPath() {
        return bin + ":" + System.getenv("PATH");
    }

    private static String name(Clipboard clipboard) {
        return clipboard.program().orElseThrow().name();
    }

    private void program(String name, String script) throws Exception {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
