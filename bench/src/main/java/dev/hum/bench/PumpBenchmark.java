package dev.hum.bench;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogFiles;
import dev.hum.log.OutputDecoder;
import dev.hum.log.Source;
import dev.hum.state.ProcessState;
import dev.hum.state.StateCell;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * What a pump does per 64 KiB read, without the pipe: decode bytes into lines, sanitise them, append them to a
 * {@link LogBuffer} with hum's default bounds (100,000 lines, 32 MiB), and publish the new line count into the
 * process's {@link StateCell} once per chunk, as {@code dev.hum.process.Pump} does. The buffer is full after the
 * warm-up, so every chunk also evicts. One op is one chunk; the {@code @AuxCounters} {@code bytes} and
 * {@code lines} give bytes/s (divide by 10^6 for MB/s) and lines/s.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'PumpBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PumpBenchmark {

    /** Pump's read size. */
    static final int CHUNK = 64 * 1024;

    @Param({"short", "long", "colour"})
    String shape;

    /** {@code devnull}: the log also feeds a log file (LogFiles, its writer thread writing to /dev/null). */
    @Param({"none", "devnull"})
    String logFile;

    private LogFiles files;

    private byte[] output;
    private int offset;
    private LogBuffer log;
    private OutputDecoder decoder;
    private StateCell cell;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] made = Output.shape(shape, 8 * 1024 * 1024);
        output = java.util.Arrays.copyOf(made, made.length - made.length % CHUNK); // whole chunks, lines cross them
        log = new LogBuffer(100_000, 32L * 1024 * 1024);
        decoder = new OutputDecoder(log, Source.STDOUT);
        cell = StateCell.detached(StateHolder.running());
        if (logFile.equals("devnull")) {
            files = new LogFiles(1L << 40, 1);
            log.writeTo(files.open(java.nio.file.Path.of("/dev/null"), text -> {}));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (files != null) {
            files.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Bytes and lines pumped, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Pumped {
        public long bytes;
        public long lines;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            lines = 0;
        }
    }

    @Benchmark
    @Threads(1)
    public ProcessState pumpChunk(Pumped pumped) {
        int n = decoder.feed(output, offset, CHUNK);
        offset = offset + CHUNK == output.length ? 0 : offset + CHUNK;
        pumped.bytes += CHUNK;
        pumped.lines += n;
        if (n > 0) {
            long total = log.totalAppended();
            return cell.update(s -> s.withLines(total));
        }
        return cell.get();
    }
}
