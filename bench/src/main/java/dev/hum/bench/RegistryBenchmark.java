package dev.hum.bench;

import dev.hum.state.ProcessState;
import java.util.ArrayList;
import java.util.List;
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
 * Finding a process by name and listing "all processes" (each with its current state), for 10 and 100
 * processes: hum's {@code registry} against a locked {@code HashMap} and a {@code ConcurrentHashMap} copied on
 * read. Alone (one thread) and contended (four threads on the same directory). The design
 * (../shared/DESIGN.md §4) wants registry lookup under contention ≥ 3× faster than the locked map.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'RegistryBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistryBenchmark {

    @Param({"10", "100"})
    int size;

    @Param({"registry", "lockedHashMap", "concurrentHashMap"})
    String kind;

    private ProcessDirectory directory;
    private String[] names;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add("proc-" + i);
        }
        names = list.toArray(new String[0]);
        directory = ProcessDirectory.of(kind, list);
    }

    /** Each thread walks the names with its own cursor, so lookups spread over every key. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        String nextName(String[] names) {
            int i = next;
            next = i + 1 == names.length ? 0 : i + 1;
            return names[i];
        }
    }

    @Benchmark
    @Threads(1)
    public ProcessState lookupAlone(Cursor cursor) {
        return directory.find(cursor.nextName(names));
    }

    @Benchmark
    @Threads(4)
    public ProcessState lookupContended(Cursor cursor) {
        return directory.find(cursor.nextName(names));
    }

    @Benchmark
    @Threads(1)
    public List<ProcessState> allAlone() {
        return directory.all();
    }

    @Benchmark
    @Threads(4)
    public List<ProcessState> allContended() {
        return directory.all();
    }
}
