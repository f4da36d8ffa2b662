package dev.hum.control;

import java.util.List;

/** How many log lines fit in one answer: {@link ProcessControl#MAX_ANSWER_BYTES} of text, and at least one line. */
final class AnswerBudget {

    /*
     * Counted on the text's UTF-8 bytes, which bound what an answer carries: JSON escaping at most
     * doubles them (control characters never reach a log line) and each line adds a few dozen bytes
     * of fields, so 1,000 lines within the budget stay far below the bridge's line limit. The first
     * line always fits, so a reader paging on always moves (a line holds at most 16 KiB).
     */

    private AnswerBudget() {}

    /** How many of {@code lines}, counted from the oldest, fit. */
    static int oldestThatFit(List<LogEntry> lines) {
        long bytes = 0;
        for (int i = 0; i < lines.size(); i++) {
            bytes += utf8Length(lines.get(i).text());
            if (bytes > ProcessControl.MAX_ANSWER_BYTES && i > 0) {
                return i;
            }
        }
        return lines.size();
    }

    /** How many of {@code lines}, counted from the newest, fit. */
    static int newestThatFit(List<LogEntry> lines) {
        long bytes = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            bytes += utf8Length(lines.get(i).text());
            if (bytes > ProcessControl.MAX_ANSWER_BYTES && i < lines.size() - 1) {
                return lines.size() - 1 - i;
            }
        }
        return lines.size();
    }

    static long utf8Length(String text) {
        long n = text.length(); // one byte per char below U+0080
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x800 && !Character.isSurrogate(c)) {
                n += 2;
            } else if (c >= 0x80) {
                n += 1; // two bytes; a surrogate pair is two chars of two bytes each, four in all
            }
        }
        return n;
    }
}
