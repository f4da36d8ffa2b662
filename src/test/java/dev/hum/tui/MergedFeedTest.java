package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.MergedLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The interleaved feed against the obvious, slow answer: merge everything, then cut. */
final class MergedFeedTest {

    @Test
    void before_equalsANaiveMergeForRandomInterleavings() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            AtomicLong clock = new AtomicLong();
            int logs = 1 + random.nextInt(20);
            List<LogBuffer> buffers = new ArrayList<>();
            for (int i = 0; i < logs; i++) {
                buffers.add(new LogBuffer(50 + random.nextInt(200), LogBuffer.MIN_BYTES, clock));
            }
            int lines = random.nextInt(3000);
            for (int n = 0; n < lines; n++) {
                // Skewed: some logs chatty, some nearly silent, like a real session.
                int log = random.nextInt(4) == 0 ? random.nextInt(logs) : random.nextInt(Math.min(2, logs));
                buffers.get(log).appendNotice("line " + n);
            }
            MergedFeed feed = new MergedFeed(new MergedLog(buffers));
            int max = 1 + random.nextInt(60);
            long position = random.nextBoolean() ? clock.get() : random.nextInt(lines + 1);
            assertEquals(naiveBefore(buffers, position, max), texts(feed.before(position, max)), "round " + round);
        }
    }

    private static List<String> naiveBefore(List<LogBuffer> buffers, long position, int max) {
        List<LogLine> all = new ArrayList<>();
        for (LogBuffer b : buffers) {
            for (LogLine line : b.readFrom(b.firstSeq(), Integer.MAX_VALUE).lines()) {
                if (line.arrival() < position) {
                    all.add(line);
                }
            }
        }
        all.sort(Comparator.comparingLong(LogLine::arrival));
        List<String> texts = new ArrayList<>();
        for (LogLine line : all.subList(Math.max(0, all.size() - max), all.size())) {
            texts.add(line.text());
        }
        return texts;
    }

    private static List<String> texts(List<FeedLine> lines) {
        List<String> texts = new ArrayList<>();
        for (FeedLine line : lines) {
            texts.add(line.line().text());
        }
        return texts;
    }
}
