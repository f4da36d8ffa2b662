package dev.hum.control;

import java.util.List;

/**
 * The newest lines matching a search, oldest first.
 *
 * @param found the matching lines
 * @param leftOut older matches within the limit that were left out to keep the answer within {@link
 *     ProcessControl#MAX_ANSWER_BYTES}
 */
public record Matches(List<LogEntry> found, int leftOut) {
    public Matches {
        found = List.copyOf(found);
    }
}
