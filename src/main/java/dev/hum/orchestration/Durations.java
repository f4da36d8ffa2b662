package dev.hum.orchestration;

import java.time.Duration;

/** Durations as the notices write them: 500ms, 4s, 1m30s. */
final class Durations {
    private Durations() {}

    static String words(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s < 60 || s % 60 != 0 && s < 600) {
            return s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
        }
        return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }
}
