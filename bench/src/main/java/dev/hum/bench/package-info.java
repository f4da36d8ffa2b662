/**
 * JMH benchmarks that check hum's design targets (../shared/DESIGN.md section 4): lock-free state reads and
 * compare-and-set updates against locked and channel-style holders, the registry against locked and
 * copied maps, and the log path (pump throughput, tail read, search, stored bytes per line).
 *
 * <p>Threading: JMH owns every thread here. A {@code @State(Scope.Benchmark)} holder is shared by all
 * threads of one benchmark; a {@code @State(Scope.Group)} holder by the readers and writers of one
 * {@code @Group}; {@code @State(Scope.Thread)} states are per thread. The only thread a benchmark
 * starts itself is the owner thread of {@link dev.hum.bench.ChannelStateHolder}, ended in teardown.
 *
 * <p>Run them with {@code bench/run-jmh.sh} from the repository root; each class's javadoc gives the
 * exact command for that class alone.
 */
package dev.hum.bench;
