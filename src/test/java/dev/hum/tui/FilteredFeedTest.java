package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import dev.hum.testing.Poll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The filtered feed against the obvious, slow answer: merge every line held, keep those that match. */
final class FilteredFeedTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void scan_equalsANaiveFilterOfTheMergedLogs_thenLiveAndAfterTheRingDrops() {
        Random random = new Random(13);
        for (int round = 0; round < 40; round++) {
            AtomicLong clock = new AtomicLong();
            int logs = 1 + random.nextInt(12);
            List<LogBuffer> buffers = new ArrayList<>();
            for (int i = 0; i < logs; i++) {
                buffers.add(new LogBuffer(300 + random.nextInt(40_000), 1 << 24, clock));
            }
            // More lines than one step reads, so the scrollback takes several windows.
            append(buffers, random, random.nextInt(3 * FilterScan.STEP_LINES), 0);
            LogSearch search = random.nextBoolean() ? LogSearch.plain("ERROR") : LogSearch.regex("^e.ror [0-9]*7$");
            FilterScan scan = new FilterScan(search, buffers, worker);
            FilteredFeed feed = new FilteredFeed(buffers, ids(logs), scan);
            scan.start();
            awaitCaughtUp(scan);
            assertEquals(naive(buffers, search), texts(feed.from(feed.oldest(), Integer.MAX_VALUE)), "round " + round);

            append(buffers, random, random.nextInt(2 * FilterScan.STEP_LINES), 1_000_000);
            awaitCaughtUp(scan);
            List<String> expected = naive(buffers, search);
            assertEquals(expected, texts(feed.from(feed.oldest(), Integer.MAX_VALUE)), "live, round " + round);
            assertEquals(expected.size(), feed.matched(), "round " + round);
            int max = 1 + random.nextInt(40);
            assertEquals(
                    expected.subList(Math.max(0, expected.size() - max), expected.size()),
                    texts(feed.before(feed.end(), max)),
                    "the tail, round " + round);
        }
    }

    @Test
    void scan_returnsTheNewestMatchesBeforeTheOldest() {
        LogBuffer log = new LogBuffer(200_000, 1 << 26, new AtomicLong());
        for (int n = 0; n < 100_000; n++) {
            log.appendNotice((n % 100 == 0 ? "error " : "fine ") + n);
        }
        ExecutorService held = Executors.newSingleThreadExecutor();
        try {
            FilterScan scan = new FilterScan(LogSearch.plain("error"), List.of(log), held);
            FilteredFeed feed = new FilteredFeed(List.of(log), new int[] {0}, scan);
            scan.start();
            Poll.until("a first step", () -> feed.matched() > 0);
            List<FeedLine> first = feed.before(feed.end(), 3);
            assertEquals("error 99900", first.get(first.size() - 1).line().text(), "the newest match comes first");
            Poll.until("the whole scrollback", () -> !scan.scanningScrollback());
            assertEquals(1000, feed.matched());
        } finally {
            held.shutdownNow();
        }
    }

    @Test
    void cancel_stopsTheScan() throws Exception {
        LogBuffer log = new LogBuffer(200_000, 1 << 26, new AtomicLong());
        for (int n = 0; n < 100_000; n++) {
            log.appendNotice("error " + n);
        }
        FilterScan scan = new FilterScan(LogSearch.plain("error"), List.of(log), worker);
        FilteredFeed feed = new FilteredFeed(List.of(log), new int[] {0}, scan);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        worker.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        scan.start();
        scan.cancel();
        hold.countDown();
        worker.submit(() -> null).get(); // every step queued so far has run
        assertEquals(0, feed.matched(), "a cancelled scan does not run");
        assertFalse(scan.scanningScrollback());
        log.appendNotice("error late");
        scan.poke();
        worker.submit(() -> null).get();
        assertTrue(feed.matched() == 0, "nor does it follow new lines");
    }

    private static void awaitCaughtUp(FilterScan scan) {
        Poll.until("the scan to catch up", () -> {
            scan.poke();
            return scan.caughtUp();
        });
    }

    /** Lines in skewed logs, about one in eight matching "error", numbered from {@code base}. */
    private static void append(List<LogBuffer> buffers, Random random, int lines, int base) {
        for (int n = 0; n < lines; n++) {
            int log = random.nextInt(4) == 0
                    ? random.nextInt(buffers.size())
                    : random.nextInt(Math.min(2, buffers.size()));
            String word = random.nextInt(8) == 0 ? (random.nextBoolean() ? "error " : "ERROR ") : "fine ";
            buffers.get(log).appendNotice(word + (base + n));
        }
    }

    private static int[] ids(int logs) {
        int[] ids = new int[logs];
        for (int i = 0; i < logs; i++) {
            ids[i] = i;
        }
        return ids;
    }

    private static List<String> naive(List<LogBuffer> buffers, LogSearch search) {
        List<LogLine> all = new ArrayList<>();
        for (LogBuffer b : buffers) {
            for (LogLine line : b.readFrom(b.firstSeq(), Integer.MAX_VALUE).lines()) {
                if (search.matches(line.text())) {
                    all.add(line);
                }
            }
        }
        all.sort(Comparator.comparingLong(LogLine::arrival));
        List<String> texts = new ArrayList<>();
        all.forEach(line -> texts.add(line.text()));
        return texts;
    }

    private static List<String> texts(List<FeedLine> lines) {
        List<String> texts = new ArrayList<>();
        lines.forEach(line -> texts.add(line.line().text()));
        return texts;
    }
}
