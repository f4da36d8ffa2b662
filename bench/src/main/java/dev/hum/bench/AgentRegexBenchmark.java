package dev.hum.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What an agent's regex {@code logs_search} costs per 100,000 log lines (hum's default scrollback, long server
 * log lines) with the engine hum uses, RE2/J, against {@code java.util.regex}, which hum gave up for it: RE2/J
 * is linear in the line whatever the pattern, java.util.regex can backtrack for hours on a pattern of forty
 * characters. Two patterns an agent would send: one that matches a single line near the end, and one with an
 * alternation and a class that matches no line (a full scan that fails everywhere, the usual case).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'AgentRegexBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AgentRegexBenchmark {

    static final int LINES = 100_000;

    @Param({"re2j", "java"})
    public String engine;

    @Param({"request 9999[0-9] GET", "(ERROR|FATAL|panic).*exec-[0-9]+"})
    public String pattern;

    private List<String> lines;
    private Predicate<String> matcher;

    @Setup(Level.Trial)
    public void setUp() {
        lines = new String(Output.longLines(LINES), StandardCharsets.UTF_8).lines().toList();
        if (engine.equals("re2j")) {
            com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(pattern);
            matcher = text -> p.matcher(text).find();
        } else {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern);
            matcher = text -> p.matcher(text).find();
        }
    }

    /** Every line, as LocalControl scans a process's log; returns the count so nothing is optimised away. */
    @Benchmark
    public int scanAll() {
        int hits = 0;
        for (String line : lines) {
            if (matcher.test(line)) {
                hits++;
            }
        }
        return hits;
    }
}
