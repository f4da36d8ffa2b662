package dev.hum.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written the way people write them: {@code 500ms}, {@code 5s}, {@code 1m30s}, {@code 1h}. */
final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:ms|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|h|m|s)");
    // Anything longer is not a grace period anyone means; it also keeps the arithmetic far from overflow.
    static final Duration MAX = Duration.ofHours(24);

    private Durations() {}

    /** The duration, or empty when the text is not a sum of whole numbers with units. */
    static Optional<Duration> parse(String text) {
        String s = text.strip();
        if (!WHOLE.matcher(s).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(s);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    });
        }
        return Optional.of(total);
    }
}
