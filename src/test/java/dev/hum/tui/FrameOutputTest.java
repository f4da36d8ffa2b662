package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class FrameOutputTest {

    @Test
    void write_holdsAFrameUntilFlush() throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        FrameOutput out = new FrameOutput(terminal, 1024);
        out.write("\033[1;1Hhello".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, terminal.size(), "a frame is one write, at flush");
        out.flush();
        assertEquals("\033[1;1Hhello", terminal.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void write_cursorPositionRequestGoesOutAtOnce() throws Exception {
        // Regression: Lanterna waited five seconds at start for the answer to a request still buffered.
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        FrameOutput out = new FrameOutput(terminal, 1024);
        out.write("\0337\033[5000;5000H".getBytes(StandardCharsets.US_ASCII));
        out.write("\033[6n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("\0337\033[5000;5000H\033[6n", terminal.toString(StandardCharsets.US_ASCII));
        for (byte b : "\033[6n".getBytes(StandardCharsets.US_ASCII)) {
            out.write(b);
        }
        assertEquals(2, terminal.toString(StandardCharsets.US_ASCII).split("6n", -1).length - 1);
    }
}
