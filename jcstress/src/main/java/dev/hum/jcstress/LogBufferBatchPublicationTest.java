package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogSlice;
import dev.hum.log.OutputDecoder;
import dev.hum.log.Source;
import java.nio.charset.StandardCharsets;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ILJ_Result;

/**
 * A pump feeds one chunk of two coloured lines through an {@link OutputDecoder} while the render loop calls
 * {@code tail(16)}: the reader sees none of the chunk or all of it, each line whole.
 *
 * <p>Result: lines returned, {@code SOURCE:text|...} ({@code none}; {@code bad ...} as in
 * {@link LogBufferNoticePublicationTest}), cursor. Legal: {@code 0, none, 0} and
 * {@code 2, STDOUT:alpha|STDOUT:beta, 2}. Forbidden, and what it would mean:
 * <ul>
 *   <li>{@code 1, STDOUT:alpha, 1}: the chunk was published line by line, not once per batch as LogBuffer
 *       promises (the renderer would draw half a chunk);
 *   <li>a line with a wrong, empty or truncated text (for example the style header read as text): the reader saw
 *       {@code nextSeq} before the bytes and slots it covers;
 *   <li>{@code bad ...}: broken cursor arithmetic.
 * </ul>
 */
@JCStressTest
@Outcome(id = "0, none, 0", expect = ACCEPTABLE, desc = "read before the chunk")
@Outcome(id = "2, STDOUT:alpha\\|STDOUT:beta, 2", expect = ACCEPTABLE, desc = "the whole chunk")
@Outcome(expect = FORBIDDEN, desc = "half a chunk, a torn line, or broken cursor arithmetic")
@State
public class LogBufferBatchPublicationTest {

    private static final byte[] CHUNK = "\u001b[32malpha\u001b[0m\nbeta\n".getBytes(StandardCharsets.UTF_8);

    private final LogBuffer buffer = new LogBuffer(16, LogBuffer.MIN_BYTES);
    private final OutputDecoder stdout = new OutputDecoder(buffer, Source.STDOUT);

    @Actor
    public void pump() {
        stdout.feed(CHUNK, 0, CHUNK.length);
    }

    @Actor
    public void renderLoop(ILJ_Result r) {
        LogSlice slice = buffer.tail(16);
        r.r1 = slice.lines().size();
        r.r2 = Slices.describe(slice, 0);
        r.r3 = slice.nextSeq();
    }
}
