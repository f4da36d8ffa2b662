package dev.hum.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class MergedLogTest {

    /** web and api, ten lines each, interleaved: web at arrivals 0, 2, 4, ..., api at 1, 3, 5, ... */
    private static MergedLog interleaved(int scrollback) {
        AtomicLong clock = new AtomicLong();
        LogBuffer web = new LogBuffer(scrollback, LogBuffer.MIN_BYTES, clock);
        LogBuffer api = new LogBuffer(scrollback, LogBuffer.MIN_BYTES, clock);
        for (int i = 0; i < 10; i++) {
            web.appendNotice("web " + i);
            api.appendNotice("api " + i);
        }
        return new MergedLog(List.of(web, api));
    }

    private static List<String> texts(List<MergedLog.Line> lines) {
        return lines.stream().map(l -> l.line().text()).toList();
    }

    @Test
    void from_readsEveryLogInArrivalOrder() {
        MergedLog merged = interleaved(100);
        assertEquals(List.of("api 2", "web 3", "api 3"), texts(merged.from(5, 3)));
        assertEquals(1, merged.from(5, 1).get(0).log());
        assertEquals(List.of(), merged.from(merged.end(), 10));
    }

    @Test
    void before_andTail_readTheNewestLinesOldestFirst() {
        MergedLog merged = interleaved(100);
        assertEquals(List.of("web 9", "api 9"), texts(merged.tail(2)));
        assertEquals(List.of("api 1", "web 2"), texts(merged.before(5, 2)));
        assertEquals(20, merged.tail(100).size());
    }

    @Test
    void before_takesTheNewestLinesOfAllLogs_whenOneLogIsFarChattierThanTheRest() {
        // 50 logs; log 7 prints most lines and some lines carry their arrival in the record (steps over 254),
        // with small rings that wrapped: every page must equal the newest lines of all lines still held.
        AtomicLong clock = new AtomicLong();
        List<LogBuffer> logs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            logs.add(new LogBuffer(300, LogBuffer.MIN_BYTES, clock));
        }
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 6000; i++) {
            int p = random.nextInt(3) == 0 ? random.nextInt(50) : 7;
            logs.get(p).appendNotice("line " + i + " of " + p);
        }
        MergedLog merged = new MergedLog(logs);
        List<MergedLog.Line> held = merged.from(merged.oldest(), Integer.MAX_VALUE);
        for (long bound : new long[] {
            merged.end(), merged.end() - 1, merged.end() - 500, held.get(40).arrival()
        }) {
            for (int max : new int[] {1, 43, 300}) {
                List<String> expected =
                        texts(held.stream().filter(l -> l.arrival() < bound).toList());
                expected = expected.subList(Math.max(0, expected.size() - max), expected.size());
                assertEquals(expected, texts(merged.before(bound, max)), "before(" + bound + ", " + max + ")");
            }
        }
    }

    @Test
    void oldest_isTheFirstArrivalStillHeld_afterTheRingsWrapped() {
        MergedLog merged = interleaved(4); // each log keeps its newest 4 (or a whole block more)
        long oldest = merged.oldest();
        List<MergedLog.Line> first = merged.from(oldest, 1);
        assertEquals(oldest, first.get(0).arrival());
        assertEquals(merged.tail(100).get(0).arrival(), oldest);
    }

    @Test
    void findAtOrBefore_andAfter_stepThroughMatchesOfBothLogs() {
        MergedLog merged = interleaved(100);
        LogSearch nines = LogSearch.regex("[39]$");
        assertEquals(
                "api 9",
                merged.findAtOrBefore(nines, merged.end()).orElseThrow().line().text());
        assertEquals(
                "web 9", merged.findAtOrBefore(nines, 18).orElseThrow().line().text());
        assertEquals(
                "web 3", merged.findAtOrAfter(nines, 0).orElseThrow().line().text());
        assertEquals(List.of("web 9", "api 9"), texts(merged.newestMatches(nines, 2)));
    }

    @Test
    void cursor_reportsWhatTheRingOverwroteBeforeItWasRead() {
        AtomicLong clock = new AtomicLong();
        LogBuffer only = new LogBuffer(64, LogBuffer.MIN_BYTES, clock);
        MergedLog merged = new MergedLog(List.of(only));
        MergedLog.Cursor cursor = merged.followFromOldest();
        for (int i = 0; i < 1000; i++) {
            only.appendNotice("line " + i);
        }
        MergedLog.Page page = cursor.next(10_000);
        assertEquals(1, page.gaps().size());
        assertEquals(1000, page.gaps().get(0).missed() + page.lines().size());
        assertEquals(
                "line 999", page.lines().get(page.lines().size() - 1).line().text());
        assertTrue(cursor.next(10).isEmpty());
    }

    @Test
    @Timeout(60)
    void cursor_neverLosesOrReordersALineWhileLogsAreWritten() throws Exception {
        AtomicLong clock = new AtomicLong();
        int writers = 3;
        int perWriter = 20_000;
        List<LogBuffer> logs = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            logs.add(new LogBuffer(1 << 20, 64L << 20, clock));
        }
        MergedLog merged = new MergedLog(logs);
        MergedLog.Cursor cursor = merged.followFromOldest();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            LogBuffer log = logs.get(w);
            Thread t = new Thread(() -> {
                for (int i = 0; i < perWriter; i++) {
                    log.appendNotice(Integer.toString(i));
                }
            });
            threads.add(t);
            t.start();
        }
        long[] expected = new long[writers];
        long lastArrival = -1;
        int read = 0;
        while (read < writers * perWriter) {
            MergedLog.Page page = cursor.next(500);
            assertEquals(List.of(), page.gaps());
            for (MergedLog.Line line : page.lines()) {
                assertTrue(line.arrival() > lastArrival, "arrival order");
                lastArrival = line.arrival();
                assertEquals(Long.toString(expected[line.log()]++), line.line().text(), "no line lost in a log");
                read++;
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(cursor.next(10).isEmpty());
    }
}
