package dev.hum.bench;

import dev.hum.state.ProcessState;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * Two writers updating one state at once (stdout and stderr pumps of one process), and how often hum's
 * compare-and-set has to retry. Retries are counted without touching {@code StateCell}: the transition counts
 * how often it is applied, and every application beyond the first of an update is a lost CAS. The
 * {@code @AuxCounters} show {@code updates} and {@code retries} as events per iteration; a locked holder applies
 * each transition once, so its {@code retries} stay 0. {@code bareCas} is the same CAS loop without the
 * board-wide change counter that {@code StateCell} also bumps, to tell the two costs apart.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'ContendedUpdateBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContendedUpdateBenchmark {

    @Param({"cell", "bareCas", "synchronized", "rwlock"})
    String kind;

    private StateHolder holder;

    @Setup(Level.Trial)
    public void setUp() {
        holder = StateHolder.of(kind, StateHolder.running());
    }

    /** Per-thread counts of updates done and transitions applied in vain. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Attempts {
        public long updates;
        public long retries;

        private long applied;
        private final UnaryOperator<ProcessState> countingTransition = s -> {
            applied++;
            return s.withLines(s.lines() + 1);
        };

        @Setup(Level.Iteration)
        public void reset() {
            updates = 0;
            retries = 0;
            applied = 0;
        }

        void updated() {
            updates++;
            retries = applied - updates;
        }
    }

    @Benchmark
    @Group("contended")
    @GroupThreads(2)
    public void update(Attempts attempts) {
        holder.update(attempts.countingTransition);
        attempts.updated();
    }
}
