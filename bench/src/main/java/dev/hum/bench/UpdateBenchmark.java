package dev.hum.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * One state update with nobody competing, written as {@code Pump} writes it: a capturing lambda that sets the
 * new line count. {@code cell} is hum's compare-and-set; the others do the same under a lock. The design
 * (../shared/DESIGN.md §4) wants ≤ 40 ns/op and one allocation (the new 72-byte {@code ProcessState}) for
 * {@code cell}.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'UpdateBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UpdateBenchmark {

    @Param({"cell", "synchronized", "rwlock"})
    String kind;

    private StateHolder holder;
    private long lines;

    @Setup(Level.Trial)
    public void setUp() {
        holder = StateHolder.of(kind, StateHolder.running());
    }

    @Benchmark
    @Threads(1)
    public void update() {
        long total = ++lines;
        holder.update(s -> s.withLines(total));
    }
}
