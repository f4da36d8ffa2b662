package dev.hum.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for process names. Names the user chooses for hum (hum.yaml, Procfile): 1 to 64 of
 * {@code A-Z a-z 0-9 . _ : @ / + -}, not starting with {@code -}; they are typed on the command line
 * ({@code hum web api}) and used by MCP clients, so they survive a shell unquoted and never look like
 * an option. Script names from package.json are npm's, which nobody renames for hum's sake: any
 * visible text of 1 to 64 characters ({@code hum 'weird name'} quotes it, {@code hum -- -x} takes one
 * that starts with a dash).
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

    /** Why a package.json script name cannot be a process name, or empty when it can. */
    static Optional<String> scriptProblem(String name) {
        if (name.isBlank()) {
            return Optional.of("its name is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("its name is longer than " + MAX_LENGTH + " characters");
        }
        if (!name.strip().equals(name)) {
            // ' dev' and 'dev' would look the same in every list and message.
            return Optional.of("its name starts or ends with a space");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (invisible(c)) {
                // Control and format characters would be dropped or act on the screen, and no one can type them.
                return Optional.of("its name has the invisible character " + String.format("U+%04X", c));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static boolean invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    // A name with a control character would otherwise corrupt the one-line message that reports it,
    // and a bidirectional override would turn the rest of it around.
    static String printable(String s) {
        var sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\x%02x", c));
            } else if (invisible(c)) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
