package dev.hum.bench;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogSearch;
import dev.hum.log.LogSlice;
import dev.hum.log.OutputDecoder;
import dev.hum.log.Source;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Reading a full log of 100,000 lines (hum's default scrollback; long log lines, every fourth one coloured):
 * the tail the screen draws (last 200 lines) and a search that has to scan every line (the needle is only in the
 * newest line, searched from the oldest), as the {@code /} key does.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'LogReadBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LogReadBenchmark {

    static final int LINES = 100_000;

    private LogBuffer log;
    private LogSearch search;

    @Setup(Level.Trial)
    public void setUp() {
        log = new LogBuffer(LINES, 32L * 1024 * 1024);
        OutputDecoder decoder = new OutputDecoder(log, Source.STDOUT);
        byte[] plain = Output.longLines(LINES / 4 * 3);
        byte[] colour = Output.colourLines(LINES / 4);
        int plainAt = 0;
        int colourAt = 0;
        while (log.totalAppended() < LINES - 1) {
            boolean coloured = log.totalAppended() % 4 == 3;
            byte[] from = coloured ? colour : plain;
            int at = coloured ? colourAt : plainAt;
            int end = indexOf(from, (byte) '\n', at) + 1;
            decoder.feed(from, at, end - at);
            if (coloured) {
                colourAt = end;
            } else {
                plainAt = end;
            }
        }
        byte[] last = "the needle-7f3a is here\n".getBytes(StandardCharsets.UTF_8);
        decoder.feed(last, 0, last.length);
        if (log.totalAppended() != LINES || log.nextSeq() - log.firstSeq() != LINES) {
            throw new IllegalStateException("log holds " + (log.nextSeq() - log.firstSeq()) + " lines");
        }
        search = LogSearch.plain("NEEDLE-7F3A");
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("no newline");
    }

    @Benchmark
    @Threads(1)
    public LogSlice tail200() {
        return log.tail(200);
    }

    @Benchmark
    @Threads(1)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public OptionalLong searchAll() {
        OptionalLong hit = search.next(log, log.firstSeq(), false);
        if (hit.isEmpty()) {
            throw new IllegalStateException("needle not found");
        }
        return hit;
    }
}
