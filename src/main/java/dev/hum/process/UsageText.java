package dev.hum.process;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A tree's CPU and memory in at most four characters, as the dashboard's list and {@code hum ps} show them:
 * {@code 12%}, {@code 0.4%}, {@code 143M}, {@code 1.2G}, and {@code -} when nothing is measured. Built without
 * {@code String.format}: the list asks for two per visible row each frame.
 */
public final class UsageText {

    /** Cells the widest value takes: {@code 999%}, {@code 999M}, {@code 9.9G}. */
    public static final int WIDTH = 4;

    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;
    private static final long GIB = MIB * 1024;

    private UsageText() {}

    /**
     * Percent of one core: one decimal below 10 % (a quiet server's 0.3 % is worth telling from nothing), whole
     * numbers above; a tree busy on more than ten cores prints five characters.
     */
    public static String cpu(OptionalDouble percent) {
        if (percent.isEmpty()) {
            return "-";
        }
        double p = percent.getAsDouble();
        if (p < 0.05) {
            return "0%";
        }
        long tenths = Math.round(p * 10);
        return tenths < 100 ? tenths / 10 + "." + tenths % 10 + "%" : Math.round(p) + "%";
    }

    /**
     * Resident memory in binary units, written K, M and G as top and ps write them; a unit steps up at 1,000 of the
     * one below so the number keeps to three digits.
     */
    public static String memory(OptionalLong bytes) {
        if (bytes.isEmpty()) {
            return "-";
        }
        long b = Math.max(0, bytes.getAsLong());
        long kib = (b + KIB - 1) / KIB;
        if (kib < 1000) {
            return kib + "K";
        }
        long mib = Math.round(b / (double) MIB);
        if (mib < 1000) {
            return mib + "M";
        }
        long tenths = Math.round(b * 10 / (double) GIB);
        return tenths < 100 ? tenths / 10 + "." + tenths % 10 + "G" : Math.round(b / (double) GIB) + "G";
    }
}
