package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class EscapeFilterTest {

    /** Each family: bytes the child prints around "A" and "B"; the stored line must be exactly "AB". */
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("title OSC BEL", "A\u001b]0;evil title\u0007B"),
            Map.entry("title OSC ST", "A\u001b]2;title\u001b\\B"),
            Map.entry("OSC 52 clipboard", "A\u001b]52;c;aGVsbG8=\u0007B"),
            Map.entry("clear screen", "A\u001b[2J\u001b[HB"),
            Map.entry("cursor moves", "A\u001b[10;20H\u001b[3A\u001b[2C\u001b[sB"),
            Map.entry("alternate screen", "A\u001b[?1049hB\u001b[?1049l"),
            Map.entry("bracketed paste", "A\u001b[?2004hB"),
            Map.entry("mouse modes", "A\u001b[?1000h\u001b[?1006hB"),
            Map.entry("DCS", "A\u001bPq#0;2;0;0;0#0~~@@\u001b\\B"),
            Map.entry("SOS PM APC", "A\u001bXsos\u001b\\\u001b^pm\u001b\\\u001b_apc\u001b\\B"),
            Map.entry("two-byte escapes", "A\u001bc\u001b7\u001b8\u001b=\u001b>\u001b(B\u001b)0B"),
            Map.entry("C1 CSI", "A\u009b2J\u009b?1049hB"),
            Map.entry("C1 OSC and others", "A\u009d0;t\u0007\u0085\u0090dcs\u009cB"));

    @Test
    void feed_dropsEveryEscapeFamily() {
        FAMILIES.forEach((name, input) -> assertEquals(List.of("AB"), Decode.texts(input + "\n"), name));
    }

    @Test
    void feed_dropsEscapesSplitAtEveryPosition() {
        FAMILIES.forEach((name, input) -> {
            byte[] bytes = (input + "\n").getBytes(UTF_8);
            for (int cut = 0; cut <= bytes.length; cut++) {
                List<String> texts =
                        Decode.lines(bytes, cut).stream().map(LogLine::text).toList();
                assertEquals(List.of("AB"), texts, name + " cut at " + cut);
            }
        });
    }

    @Test
    void feed_hyperlinkKeepsLinkText() {
        String link = "see \u001b]8;;https://example.com\u001b\\the docs\u001b]8;;\u001b\\ now\n";
        byte[] bytes = link.getBytes(UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            assertEquals("see the docs now", Decode.lines(bytes, cut).get(0).text(), "cut at " + cut);
        }
    }

    @Test
    void feed_unterminatedEscapeIsBounded() {
        String garbage = "\u001b]" + "x".repeat(OutputDecoder.MAX_ESCAPE + 10) + "visible\n";
        List<String> texts = Decode.texts(garbage);
        assertEquals(1, texts.size());
        assertEquals("x".repeat(10) + "visible", texts.get(0)); // "]" counts towards the bound
    }

    @Test
    void feed_unterminatedStringEndsAtNewline() {
        assertEquals(List.of("A", "next"), Decode.texts("A\u001b]0;never terminated\nnext\n"));
    }

    @Test
    void feed_escapeAtEndOfStreamIsDropped() {
        assertEquals(List.of("A"), Decode.texts("A\u001b["));
    }

    @Test
    void feed_loneEscBeforeTextDropsOneChar() {
        // ESC followed by a final byte is a two-byte escape: both go, the rest shows
        assertEquals(List.of("bc"), Decode.texts("\u001babc\n"));
    }
}
