package dev.hum.bench;

import dev.hum.state.ProcessState;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Readers read while a writer keeps updating the same state (a pump publishing line counts while the screen
 * and agents read), as JMH sample 15 and Caffeine's GetPutBenchmark do it: one {@code @Group}, two readers
 * and one writer by default. The design (../shared/DESIGN.md §4) wants {@code cell} reads ≥ 30× faster than
 * {@code rwlock} and ≥ 10× faster than {@code synchronized} here; {@code channel} is measured beside them.
 * Other reader:writer mixes: add {@code -tg R,W}.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'StateReadWriteBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StateReadWriteBenchmark {

    private static final UnaryOperator<ProcessState> ONE_MORE_LINE = s -> s.withLines(s.lines() + 1);

    @Param({"cell", "synchronized", "rwlock", "channel"})
    String kind;

    private StateHolder holder;

    @Setup(Level.Trial)
    public void setUp() {
        holder = StateHolder.of(kind, StateHolder.running());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        holder.close();
    }

    @Benchmark
    @Group("readWhileWriting")
    @GroupThreads(2)
    public ProcessState read() {
        return holder.get();
    }

    @Benchmark
    @Group("readWhileWriting")
    @GroupThreads(1)
    public void write() {
        holder.update(ONE_MORE_LINE);
    }
}
