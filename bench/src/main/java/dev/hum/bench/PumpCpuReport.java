package dev.hum.bench;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogFiles;
import dev.hum.log.OutputDecoder;
import dev.hum.log.Source;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The pump's CPU per MB of output, measured as the pumping thread's own CPU time rather than wall time: on a
 * shared machine whose load is many times its cores, JMH's throughput swings by 100 % between iterations, while a
 * thread's CPU time counts only the cycles it ran. Same work as {@link PumpBenchmark} (64 KiB chunks into a full
 * 100,000-line, 32 MiB log). With {@code devnull} the log also feeds a log file whose writer thread writes to
 * /dev/null (its CPU is not counted here: the question is what the pump pays). Prints the median of 15 rounds.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.hum.bench.PumpCpuReport [none|devnull]}
 */
public final class PumpCpuReport {
    private PumpCpuReport() {}

    public static void main(String[] args) {
        String logFile = args.length > 0 ? args[0] : "none";
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("logFile=" + logFile + "  shape   ms CPU per MB (median of 15, 32 MB each)   min");
        for (String shape : new String[] {"short", "long", "colour"}) {
            byte[] made = Output.shape(shape, 8 * 1024 * 1024);
            byte[] output = Arrays.copyOf(made, made.length - made.length % PumpBenchmark.CHUNK);
            LogBuffer log = new LogBuffer(100_000, 32L * 1024 * 1024);
            Runnable close = logFile.equals("devnull") ? DevNull.attach(log) : () -> {};
            OutputDecoder decoder = new OutputDecoder(log, Source.STDOUT);
            double[] msPerMb = new double[15];
            for (int round = -5; round < msPerMb.length; round++) { // five rounds of warm-up
                long cpu = mx.getCurrentThreadCpuTime();
                for (int pass = 0; pass < 4; pass++) {
                    for (int at = 0; at < output.length; at += PumpBenchmark.CHUNK) {
                        decoder.feed(output, at, PumpBenchmark.CHUNK);
                    }
                }
                double ms = (mx.getCurrentThreadCpuTime() - cpu) / 1e6;
                if (round >= 0) {
                    msPerMb[round] = ms / (4.0 * output.length / 1e6);
                }
            }
            close.run();
            Arrays.sort(msPerMb);
            System.out.printf("                %-7s %-40.3f %.3f%n", shape, msPerMb[msPerMb.length / 2], msPerMb[0]);
        }
    }

    /** Apart, so that a hum without LogFiles can run the {@code none} case of this class. */
    private static final class DevNull {
        static Runnable attach(LogBuffer log) {
            LogFiles files = new LogFiles(1L << 40, 1);
            log.writeTo(files.open(Path.of("/dev/null"), text -> {}));
            return () -> files.close(Duration.ofSeconds(5));
        }
    }
}
