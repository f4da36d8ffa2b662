package dev.hum.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The line in progress starts small and grows only for long lines, keeping every code point and style. */
final class LineBuilderTest {

    @Test
    void shortLines_keepTheFirstCapacity() {
        LineBuilder builder = new LineBuilder(OutputDecoder.DEFAULT_MAX_LINE_BYTES);
        LineBatch batch = new LineBatch();
        for (int line = 0; line < 100; line++) {
            for (int i = 0; i < 120; i++) {
                builder.put('x', Style.DEFAULT, batch, Source.STDOUT);
            }
            builder.endLine(batch, Source.STDOUT);
        }
        assertEquals(100, batch.count());
        assertEquals(LineBuilder.FIRST_CAPACITY, builder.capacity());
    }

    @Test
    void longLine_growsAndReadsBackWhole() {
        String longLine = "0123456789".repeat(1000);
        assertEquals(List.of("short", longLine, "after"), Decode.texts("short\n" + longLine + "\nafter\n"));
        LineBuilder builder = new LineBuilder(OutputDecoder.DEFAULT_MAX_LINE_BYTES);
        LineBatch batch = new LineBatch();
        for (int i = 0; i < longLine.length(); i++) {
            builder.put(longLine.charAt(i), Style.DEFAULT, batch, Source.STDOUT);
        }
        assertTrue(builder.capacity() >= longLine.length(), "capacity " + builder.capacity());
    }

    @Test
    void carriageReturnAfterGrowth_overwritesKeepingTheTail() {
        String progress = "p".repeat(700) + "\rdone";
        assertEquals(List.of("done" + "p".repeat(696)), Decode.texts(progress + "\n"));
    }

    @Test
    void cutLine_fromTheFirstCapacityGrowsToTheBoundAndTheMarker() {
        String tooLong = "y".repeat(OutputDecoder.DEFAULT_MAX_LINE_BYTES + 10);
        List<String> texts = Decode.texts(tooLong + "\nnext\n");
        assertEquals("y".repeat(OutputDecoder.DEFAULT_MAX_LINE_BYTES) + ControlChars.CUT_MARKER, texts.get(0));
        assertEquals("next", texts.get(1));
    }
}
