package dev.hum.control;

import java.time.Duration;

/**
 * A time limit for one regex search an agent asked for. {@code java.util.regex} backtracks, so a
 * pattern such as {@code (.*a){20}$} can take longer than the age of the universe on one
 * line of sixty a's; the
 * limit turns that into an error the agent can act on instead of a connection thread spinning
 * forever on one of the user's cores.
 */
final class RegexBudget {
    /*
     * A Matcher reads its input only through CharSequence.charAt, also while it backtracks, so a
     * CharSequence that looks at the clock every CHECK_EVERY reads bounds the search without a
     * second thread. The check costs one decrement per character read.
     */

    private static final int CHECK_EVERY = 4096;

    private final long deadline;
    private final Duration limit;
    private int untilCheck = CHECK_EVERY;

    RegexBudget(Duration limit) {
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /** {@code text} as the Matcher should read it: each read counts against this budget. */
    CharSequence watch(String text) {
        return new Watched(text, 0, text.length());
    }

    /** Thrown from inside a match when the budget is spent. */
    static final class Spent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Spent(Duration limit) {
            super("the regex ran longer than " + limit.toMillis() + " ms", null, false, false);
        }
    }

    private void spend() {
        if (--untilCheck == 0) {
            untilCheck = CHECK_EVERY;
            if (System.nanoTime() - deadline > 0) {
                throw new Spent(limit);
            }
        }
    }

    private final class Watched implements CharSequence {
        private final String text;
        private final int from;
        private final int to;

        Watched(String text, int from, int to) {
            this.text = text;
            this.from = from;
            this.to = to;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            spend();
            return text.charAt(from + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Watched(text, from + start, from + end);
        }

        @Override
        public String toString() {
            return text.substring(from, to);
        }
    }
}
