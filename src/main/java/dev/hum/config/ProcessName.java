package dev.hum.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for process names, the same for every source: 1 to 64 of {@code A-Z a-z 0-9 . _ : @ / + -},
 * not starting with {@code -}. Names are typed on the command line ({@code hum web api}) and used by
 * MCP clients, so they must survive a shell unquoted and never look like an option.
 */
final class ProcessName {
    static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:@/+][A-Za-z0-9._:@/+-]*");

    private ProcessName() {}

    /** Why the name is not acceptable, or empty when it is. */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("empty process name");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("process name longer than " + MAX_LENGTH + " characters");
        }
        if (!VALID.matcher(name).matches()) {
            return Optional.of("invalid process name '" + printable(name)
                    + "'; use letters, digits and . _ : @ / + - (not starting with -)");
        }
        return Optional.empty();
    }

    // A name with a control character would otherwise corrupt the one-line message that reports it.
    static String printable(String s) {
        var sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
