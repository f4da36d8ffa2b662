package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Shared test steps: run bytes through a decoder into a fresh buffer and read the lines back. */
final class Decode {
    private Decode() {}

    static List<LogLine> lines(byte[] bytes, int... cuts) {
        LogBuffer buffer = new LogBuffer(100_000, 16 << 20);
        OutputDecoder decoder = new OutputDecoder(buffer, Source.STDOUT);
        int at = 0;
        for (int cut : cuts) {
            decoder.feed(bytes, at, cut - at);
            at = cut;
        }
        decoder.feed(bytes, at, bytes.length - at);
        decoder.finish();
        return buffer.readFrom(buffer.firstSeq(), Integer.MAX_VALUE).lines();
    }

    static List<String> texts(String input, int... cuts) {
        return lines(input.getBytes(UTF_8), cuts).stream().map(LogLine::text).toList();
    }

    static void assertSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F), () -> "unsafe char in " + text);
        }
    }
}
