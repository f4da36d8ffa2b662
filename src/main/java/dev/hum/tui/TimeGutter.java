package dev.hum.tui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

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

    private final ZoneRules zone;
    private final char[] out = new char[WIDTH - 1];

    TimeGutter(ZoneId zone) {
        this.zone = zone.getRules();
    }

    TimeGutter() {
        this(ZoneId.systemDefault());
    }

    /** {@code HH:MM:SS.mmm} of {@code epochMillis} in this gutter's zone. */
    String format(long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        long local = epochMillis + zone.getOffset(at).getTotalSeconds() * 1000L;
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
