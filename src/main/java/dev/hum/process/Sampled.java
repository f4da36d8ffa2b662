package dev.hum.process;

import dev.hum.state.ProcessState;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the sampler last found out about one process, as one immutable value: the TCP ports its tree listens on,
 * the local URLs it printed, the port conflict it ran into, and its tree's CPU and memory. Kept apart from
 * {@link dev.hum.state.ProcessState} so that the pumps' per-chunk updates keep copying a small state, and swapped
 * whole about once a second.
 *
 * @param run the run these figures belong to; 0 before the first
 * @param ports the TCP ports the process's whole tree listens on, ascending; empty while it is not running
 * @param urls the local URLs the current run printed, first seen first, a few at most
 * @param portConflict hum's notice about the port the current run found taken, empty when there was none
 * @param cpuPercent the tree's CPU use over the last interval, in percent of one core; empty until measured
 * @param rssBytes the tree's resident memory: the sum of its members' resident pages from {@code /proc/PID/stat},
 *     which the sampler reads anyway ({@code smaps_rollup} walks every mapping: bench/RESULTS.md); empty while it
 *     is not running
 */
public record Sampled(
        int run,
        List<Integer> ports,
        List<String> urls,
        String portConflict,
        OptionalDouble cpuPercent,
        OptionalLong rssBytes) {

    /** Nothing known yet. */
    public static final Sampled NONE =
            new Sampled(0, List.of(), List.of(), "", OptionalDouble.empty(), OptionalLong.empty());

    public Sampled {
        ports = List.copyOf(ports);
        urls = List.copyOf(urls);
        Objects.requireNonNull(portConflict, "portConflict");
        Objects.requireNonNull(cpuPercent, "cpuPercent");
        Objects.requireNonNull(rssBytes, "rssBytes");
    }

    /**
     * True when this sample's CPU and memory are those of the run {@code s} shows and that run still goes. The
     * sampler swaps its record about once a second, so for up to a second after a stop or a restart the record
     * still holds the previous run's figures, which then are no one's.
     */
    public boolean measures(ProcessState s) {
        return s.status().isLive() && run == s.run();
    }

    /**
     * The ports and URLs in a few words, as the dashboard's log title shows them: {@code :5173
     * http://localhost:5173/}. Empty when there are none.
     */
    public String portsAndUrls() {
        StringBuilder out = new StringBuilder();
        for (int port : ports) {
            out.append(out.length() == 0 ? "" : " ").append(':').append(port);
        }
        for (String url : urls) {
            out.append(out.length() == 0 ? "" : " ").append(url);
        }
        return out.toString();
    }
}
