package dev.hum.bench;

import dev.hum.log.LogBuffer;
import dev.hum.log.OutputDecoder;
import dev.hum.log.Source;

/**
 * Stored bytes per line after a flood of 1,000,000 lines into a {@link LogBuffer} with the default scrollback
 * (100,000 lines, 32 MiB), against the raw text of the lines it holds. The design
 * (../shared/DESIGN.md §4) wants ≤ 2× the raw text.
 * Not a JMH benchmark: it measures a size, not a time, and prints one report per line shape.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.hum.bench.StoredBytesReport}
 */
public final class StoredBytesReport {
    private StoredBytesReport() {}

    static final int FLOOD = 1_000_000;
    static final int SCROLLBACK = 100_000;

    public static void main(String[] args) {
        System.out.println("shape   held    raw B/line (text+LF)   stored B/line   stored/raw   allocated B/line");
        for (String shape : new String[] {"short", "long", "colour"}) {
            report(shape);
        }
    }

    private static void report(String shape) {
        byte[] flood = switch (shape) {
            case "short" -> Output.shortLines(FLOOD);
            case "long" -> Output.longLines(FLOOD);
            default -> Output.colourLines(FLOOD);
        };
        LogBuffer log = new LogBuffer(SCROLLBACK, 32L * 1024 * 1024);
        OutputDecoder decoder = new OutputDecoder(log, Source.STDOUT);
        for (int at = 0; at < flood.length; at += PumpBenchmark.CHUNK) {
            decoder.feed(flood, at, Math.min(PumpBenchmark.CHUNK, flood.length - at));
        }
        decoder.finish();
        long held = log.nextSeq() - log.firstSeq();
        // the raw text of the held lines: the last `held` lines of the flood, newlines included
        int start = flood.length;
        for (long seen = 0; seen <= held && start > 0; ) {
            if (flood[--start] == '\n') {
                seen++;
            }
        }
        long raw = flood.length - start - 1;
        double rawPerLine = (double) raw / held;
        double storedPerLine = (double) log.storedBytes() / held;
        System.out.printf(
                "%-7s %-7d %-22.2f %-15.2f %-12.2f %.2f%n",
                shape, held, rawPerLine, storedPerLine, storedPerLine / rawPerLine, (double) log.allocatedBytes() / held);
    }
}
