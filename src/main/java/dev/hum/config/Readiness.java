package dev.hum.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When a process counts as ready: a probe tried every {@code interval}, from {@code initialDelay} after the
 * start, until it passes or {@code timeout} has passed (then the process is NOT READY and keeps running).
 */
public record Readiness(Probe probe, Duration interval, Duration timeout, Duration initialDelay) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public Readiness {
        Objects.requireNonNull(probe, "probe");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("initial_delay must not be negative: " + initialDelay);
        }
    }

    /** A probe with the default interval, timeout and no initial delay. */
    public static Readiness of(Probe probe) {
        return new Readiness(probe, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, Duration.ZERO);
    }

    /** What is tried to tell whether the process is ready. */
    public sealed interface Probe {
        /** How the probe reads in a reason: "tcp 5432", "http http://localhost:3000/health". */
        String describe();
    }

    /** A line of the current run matches this RE2 pattern. */
    public record Log(String pattern) implements Probe {
        @Override
        public String describe() {
            return "log '" + pattern + "'";
        }
    }

    /** A TCP connect to {@code host:port} succeeds. */
    public record Tcp(String host, int port) implements Probe {
        @Override
        public String describe() {
            return "tcp " + (host.equals("localhost") ? "" : host + ":") + port;
        }
    }

    /** A GET of the URL answers 2xx or 3xx. */
    public record Http(String url) implements Probe {
        @Override
        public String describe() {
            return "http " + url;
        }
    }

    /** The command exits 0, run in the process's folder and environment, in its own process group. */
    public record Exec(Command command) implements Probe {
        @Override
        public String describe() {
            return "exec " + command.display();
        }
    }

    /** The probe kinds as the file names them, for messages. */
    static final List<String> KINDS = List.of("log", "tcp", "http", "exec");
}
