package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A pump reads into a small chunk until its process floods, then into a large one. */
final class PumpChunkTest {

    @Test
    void nextChunk_staysSmallWhileReadsLeaveRoom() {
        byte[] small = new byte[Pump.FIRST_CHUNK];
        assertSame(small, Pump.nextChunk(small, 12));
        assertSame(small, Pump.nextChunk(small, Pump.FIRST_CHUNK - 1));
        assertSame(small, Pump.nextChunk(small, -1)); // end of the stream
    }

    @Test
    void nextChunk_growsOnceAReadFillsIt() {
        byte[] large = Pump.nextChunk(new byte[Pump.FIRST_CHUNK], Pump.FIRST_CHUNK);
        assertEquals(Pump.CHUNK, large.length);
        assertSame(large, Pump.nextChunk(large, Pump.CHUNK)); // and no further
    }
}
