package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogSlice;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ILJ_Result;

/**
 * hum appends a notice to an empty {@link LogBuffer} while the render loop calls {@code readFrom(0, 16)}: the
 * reader sees no line, or the whole line with its source, and its cursor moved by exactly what it got.
 *
 * <p>Result: lines returned, {@code SOURCE:text} of the line ({@code none} if none; {@code bad ...} if
 * {@code missed} is not 0 or {@code missed + lines} differs from the cursor's move), cursor. Legal:
 * {@code 0, none, 0} and {@code 1, HUM:build finished in 1.2s, 1}. Forbidden, and what it would mean:
 * <ul>
 *   <li>a line with an empty, shorter or foreign text, or another source: the reader acquired {@code nextSeq}
 *       and still read bytes or an index slot the writer had not yet stored (nextSeq was published before the
 *       record, or read without acquire);
 *   <li>{@code bad ...}: the slice's arithmetic is broken, so a reader following the cursor would skip or
 *       repeat lines, or report lines missed from a buffer that has evicted nothing.
 * </ul>
 */
@JCStressTest
@Outcome(id = "0, none, 0", expect = ACCEPTABLE, desc = "read before the append")
@Outcome(id = "1, HUM:build finished in 1\\.2s, 1", expect = ACCEPTABLE, desc = "the whole line")
@Outcome(expect = FORBIDDEN, desc = "torn or empty line, or broken cursor arithmetic")
@State
public class LogBufferNoticePublicationTest {

    private final LogBuffer buffer = new LogBuffer(16, LogBuffer.MIN_BYTES);

    @Actor
    public void hum() {
        buffer.appendNotice("build finished in 1.2s");
    }

    @Actor
    public void renderLoop(ILJ_Result r) {
        LogSlice slice = buffer.readFrom(0, 16);
        r.r1 = slice.lines().size();
        r.r2 = Slices.describe(slice, 0);
        r.r3 = slice.nextSeq();
    }
}
