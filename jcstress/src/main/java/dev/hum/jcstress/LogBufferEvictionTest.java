package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSlice;
import dev.hum.log.Source;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZJ_Result;

/**
 * A full {@link LogBuffer} of the smallest byte size overwrites its oldest lines while a reader reads them: the
 * reader gets each old line's exact text or counts it as missed, never the bytes of a newer line.
 *
 * <p>The buffer ({@code MIN_BYTES}, 64 KiB) is filled with 16 lines of 4000 bytes (seq 0..15, each text
 * {@code 000007:} followed by its own letter); the writer appends two more, which evicts seq 0 and 1 by the byte
 * bound and writes over the arena bytes where seq 0 lived (the ring wraps). The reader calls
 * {@code readFrom(0, 4)}.
 *
 * <p>Result: every returned line has its seq's text and source; the arithmetic holds ({@code missed} is the
 * first returned seq, {@code missed + lines} is the cursor's move, seqs consecutive); {@code missed}. Legal:
 * {@code true, true, 0} (read before the eviction) and {@code true, true, 1} or {@code 2} (the evicted lines
 * counted as missed). Forbidden, and what it would mean:
 * <ul>
 *   <li>{@code false, ...}: the reader decoded a line whose bytes the writer was overwriting: the seqlock check
 *       (firstSeq raised and fenced before the overwrite, re-read after the copy) let a torn line through;
 *   <li>{@code ..., false, ...}: lines lost or invented between {@code missed} and the returned lines;
 *   <li>{@code missed} above 2: lines counted missed that were never evicted.
 * </ul>
 */
@JCStressTest
@Outcome(id = "true, true, 0", expect = ACCEPTABLE, desc = "read before the eviction: old lines intact")
@Outcome(id = "true, true, [12]", expect = ACCEPTABLE_INTERESTING, desc = "evicted lines counted as missed")
@Outcome(expect = FORBIDDEN, desc = "garbage text, broken arithmetic, or too many missed")
@State
public class LogBufferEvictionTest {

    private static final int TEXT_BYTES = 4000;
    private static final int PREFILL = 16;

    private final LogBuffer buffer = new LogBuffer(1000, LogBuffer.MIN_BYTES);

    {
        for (int seq = 0; seq < PREFILL; seq++) {
            buffer.appendNotice(text(seq));
        }
    }

    static String text(long seq) {
        String head = String.format("%06d:", seq);
        return head + String.valueOf((char) ('a' + seq % 26)).repeat(TEXT_BYTES - head.length());
    }

    @Actor
    public void pump() {
        buffer.appendNotice(text(PREFILL));
        buffer.appendNotice(text(PREFILL + 1));
    }

    @Actor
    public void reader(ZZJ_Result r) {
        LogSlice slice = buffer.readFrom(0, 4);
        boolean textsOk = true;
        long seq = slice.missed();
        boolean arithmeticOk = slice.missed() + slice.lines().size() == slice.nextSeq();
        for (LogLine line : slice.lines()) {
            arithmeticOk &= line.seq() == seq;
            textsOk &= line.source() == Source.HUM && line.text().equals(text(line.seq()));
            seq++;
        }
        r.r1 = textsOk;
        r.r2 = arithmeticOk;
        r.r3 = slice.missed();
    }
}
