package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class LogSearchTest {
    private static final LogBuffer BUFFER = new LogBuffer(100_000, 32L << 20);

    /** 100,000 lines; every 1000th (from 500) says "ERROR", in colour so styles do not disturb text search. */
    @BeforeAll
    static void fill() {
        OutputDecoder decoder = new OutputDecoder(BUFFER, Source.STDOUT);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            if (i % 1000 == 500) {
                b.append("\u001b[31mERROR\u001b[0m request ").append(i).append(" failed\n");
            } else {
                b.append("info request ").append(i).append(" ok\n");
            }
            if (b.length() > 60_000 || i == 99_999) {
                byte[] bytes = b.toString().getBytes(UTF_8);
                decoder.feed(bytes, 0, bytes.length);
                b.setLength(0);
            }
        }
    }

    @Test
    void next_plainIgnoresCase() {
        LogSearch search = LogSearch.plain("error");
        assertEquals(OptionalLong.of(500), search.next(BUFFER, 0, false));
        assertEquals(OptionalLong.of(500), search.next(BUFFER, 500, false));
        assertEquals(OptionalLong.of(1500), search.next(BUFFER, 501, false));
    }

    @Test
    void next_wrapsToTheOldestLine() {
        LogSearch search = LogSearch.plain("ERROR");
        assertEquals(OptionalLong.empty(), search.next(BUFFER, 99_501, false));
        assertEquals(OptionalLong.of(500), search.next(BUFFER, 99_501, true));
    }

    @Test
    void previous_searchesBackwardAndWraps() {
        LogSearch search = LogSearch.plain("Error");
        assertEquals(OptionalLong.of(98_500), search.previous(BUFFER, 99_499, false));
        assertEquals(OptionalLong.of(99_500), search.previous(BUFFER, 99_500, false));
        assertEquals(OptionalLong.empty(), search.previous(BUFFER, 499, false));
        assertEquals(OptionalLong.of(99_500), search.previous(BUFFER, 499, true));
    }

    @Test
    void next_findsMatchAtTheEndOfTheWholeBuffer() {
        // Speed is measured in bench/ (LogBenchmark), not asserted here.
        LogSearch search = LogSearch.plain("request 99990 ok");
        assertEquals(OptionalLong.of(99_990), search.next(BUFFER, 0, false));
    }

    @Test
    void collect_returnsUpToNMatches() {
        List<LogLine> hits = LogSearch.plain("error").collect(BUFFER, 0, 30);
        assertEquals(30, hits.size());
        assertEquals(29_500, hits.get(29).seq());
        assertEquals(100, LogSearch.plain("error").collect(BUFFER, 0, 1000).size());
    }

    @Test
    void matchRanges_marksEveryMatch() {
        LogSearch search = LogSearch.plain("ab");
        assertArrayEquals(new int[] {0, 2, 3, 5}, search.matchRanges("AB ab x"));
        assertArrayEquals(new int[0], LogSearch.plain("").matchRanges("abc"), "empty matches highlight nothing");
    }

    @Test
    void next_prefilterLetsThroughNonAsciiThatFoldsToTheNeedle() {
        LogBuffer buffer = new LogBuffer(100, LogBuffer.MIN_BYTES);
        buffer.appendNotice("temperature 300 K");
        buffer.appendNotice("300 \u212Aelvin ✔"); // KELVIN SIGN matches k, ignoring case
        buffer.appendNotice("ÄRGER mit \u017Fhell"); // LATIN SMALL LETTER LONG S matches s
        assertEquals(OptionalLong.of(1), LogSearch.plain("kelvin").next(buffer, 0, false));
        assertEquals(OptionalLong.of(2), LogSearch.plain("SHELL").next(buffer, 0, false));
        assertEquals(OptionalLong.of(2), LogSearch.plain("ärger").next(buffer, 0, false));
        assertEquals(OptionalLong.of(1), LogSearch.plain("✔").next(buffer, 0, false));
        assertEquals(OptionalLong.empty(), LogSearch.plain("kelvins").next(buffer, 0, false));
        // a non-ASCII needle skips the byte prefilter: the Pattern reads every line
        assertEquals(OptionalLong.of(2), LogSearch.plain("ärger mit shell").next(buffer, 0, false));
    }

    @Test
    void foldsToAscii_coversEveryCharacterAPlainSearchMatchesToAnAsciiLetter() {
        LogSearch[] letters = new LogSearch[26];
        for (int i = 0; i < 26; i++) {
            letters[i] = LogSearch.plain(String.valueOf((char) ('a' + i)));
        }
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (LogSearch.foldsToAscii(cp)) {
                continue;
            }
            String text = Character.toString(cp);
            for (LogSearch letter : letters) {
                assertFalse(letter.matches(text), text + " matches " + letter.query());
            }
        }
    }

    @Test
    void collect_keepsArrivalsAndStylesOfMatches() {
        List<LogLine> hits = LogSearch.plain("ERROR").collect(BUFFER, 0, 2);
        assertEquals(500, hits.get(0).arrival());
        assertEquals("ERROR request 500 failed", hits.get(0).text());
        assertEquals(BUFFER.readFrom(500, 1).lines().get(0), hits.get(0));
    }

    @Test
    void regex_matchesOnRe2_caseSensitive() {
        LogSearch search = LogSearch.regex("ERROR request \\d+500 failed");
        assertEquals(OptionalLong.of(1500), search.next(BUFFER, 501, false));
        assertEquals(OptionalLong.empty(), LogSearch.regex("error request").next(BUFFER, 0, false));
        assertArrayEquals(new int[] {0, 5}, LogSearch.regex("E+R+O?R").matchRanges("ERROR x"));
    }

    @Test
    void regex_invalidSaysWhatIsWrongWithoutJavaIndexes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogSearch.regex("(ab"));
        assertTrue(e.getMessage().startsWith("not a valid regex: missing closing )"), e.getMessage());
        assertFalse(e.getMessage().contains("index"), e.getMessage());
    }

    @Test
    void newest_givesTheLastMatchesOldestFirst() {
        List<LogLine> hits = LogSearch.plain("error").newest(BUFFER, 3);
        assertEquals(
                List.of(97_500L, 98_500L, 99_500L),
                hits.stream().map(LogLine::seq).toList());
        assertEquals(100, LogSearch.plain("error").newest(BUFFER, 1000).size());
    }

    @Test
    void scan_stopsWhenItsThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> LogSearch.plain("nowhere")
                    .next(BUFFER, 0, false));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anyMayMatch_onlyWhenANewLineHoldsOneOfTheMarks() {
        LogBuffer buffer = new LogBuffer(100, LogBuffer.MIN_BYTES);
        List<LogSearch> marks = List.of(LogSearch.plain("://"), LogSearch.plain("in use"));
        buffer.appendNotice("tick 1");
        long second = buffer.appendNotice("Address IN USE :::3000");
        buffer.appendNotice("tick 2");
        assertTrue(LogSearch.anyMayMatch(marks, buffer, buffer.firstSeq()), "a mark in the middle, any case");
        assertFalse(LogSearch.anyMayMatch(marks, buffer, second + 1), "only ticks after it");
        assertFalse(LogSearch.anyMayMatch(marks, buffer, buffer.nextSeq()), "no new line at all");
        buffer.appendNotice("listening on http://localhost:3000/");
        assertTrue(LogSearch.anyMayMatch(marks, buffer, second + 1), "a URL appended later");
        assertTrue(
                LogSearch.anyMayMatch(List.of(LogSearch.regex("tock")), buffer, second + 1),
                "a regex has no byte test: it must be run");
    }
}
