package dev.hum.control;

/**
 * Lines that a log read would have returned but left out to keep its answer within {@link
 * ProcessControl#MAX_ANSWER_BYTES}.
 *
 * @param lines how many
 * @param cursor where they start: pass it as the next cursor to read them
 */
public record LeftOut(int lines, long cursor) {}
