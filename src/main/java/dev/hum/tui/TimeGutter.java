package dev.hum.tui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.jspecify.annotations.Nullable;

/** The `t` column before each log line: its arrival time as {@code HH:MM:SS.mmm} in the local time zone. */
final class TimeGutter {
    /*
     * Render thread only. A frame draws a few dozen times, so each is formatted afresh; the zone's rules give the
     * offset at that instant (a line from before a daylight-saving change keeps the hour it arrived at).
     */

    /** Cells the gutter takes: twelve for the time, one space before the text. */
    static final int WIDTH = 13;

    /** Narrower panes than this keep their text width: the time would leave too little for it. */
    static final int MIN_PANE_WIDTH = WIDTH + 20;

    private final @Nullable ZoneId zoneId; // null: the system's, looked up when the gutter is first drawn
    private @Nullable ZoneRules zone; // the rules are read from the time zone database on first use
    private final char[] out = new char[WIDTH - 1];

    TimeGutter(ZoneId zone) {
        this.zoneId = zone;
    }

    /**
     * The system's zone, looked up on first use: reading the time zone database costs milliseconds, and a
     * dashboard that never shows the gutter should not spend them before its first frame.
     */
    TimeGutter() {
        this.zoneId = null;
    }

    /** {@code HH:MM:SS.mmm} of {@code epochMillis} in this gutter's zone. */
    String format(long epochMillis) {
        ZoneRules rules = zone;
        if (rules == null) {
            rules = (zoneId == null ? ZoneId.systemDefault() : zoneId).getRules();
            zone = rules;
        }
        Instant at = Instant.ofEpochMilli(epochMillis);
        long local = epochMillis + rules.getOffset(at).getTotalSeconds() * 1000L;
        long ofDay = Math.floorMod(local, 86_400_000L);
        put(0, ofDay / 3_600_000);
        out[2] = ':';
        put(3, ofDay / 60_000 % 60);
        out[5] = ':';
        put(6, ofDay / 1000 % 60);
        out[8] = '.';
        long millis = ofDay % 1000;
        out[9] = (char) ('0' + millis / 100);
        put(10, millis % 100);
        return new String(out);
    }

    private void put(int at, long twoDigits) {
        out[at] = (char) ('0' + twoDigits / 10);
        out[at + 1] = (char) ('0' + twoDigits % 10);
    }
}
