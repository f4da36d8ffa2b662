package dev.hum.bench;

import dev.hum.state.ProcessState;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * State reads with nobody writing: one reader alone, and ten readers of the same holder. The design
 * (../shared/DESIGN.md §4) wants hum's {@code cell} at ≤ 1 ns/op and 0 B/op for one reader.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'StateReadBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StateReadBenchmark {

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

    /** The render loop reading one process's state, nobody else around. */
    @Benchmark
    @Threads(1)
    public ProcessState readAlone() {
        return holder.get();
    }

    /** Ten readers (render loop, MCP calls, control socket) reading the same state at once. */
    @Benchmark
    @Threads(10)
    public ProcessState readTen() {
        return holder.get();
    }
}
