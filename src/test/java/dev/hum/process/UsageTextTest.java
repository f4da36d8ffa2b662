package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** CPU and memory in at most four characters, as the list and {@code hum ps} show them. */
final class UsageTextTest {

    private static String cpu(double percent) {
        return UsageText.cpu(OptionalDouble.of(percent));
    }

    private static String memory(long bytes) {
        return UsageText.memory(OptionalLong.of(bytes));
    }

    @Test
    void cpu_oneDecimalBelowTenWholeAbove() {
        assertEquals("-", UsageText.cpu(OptionalDouble.empty()));
        assertEquals("0%", cpu(0));
        assertEquals("0%", cpu(0.04));
        assertEquals("0.4%", cpu(0.4));
        assertEquals("9.9%", cpu(9.94));
        assertEquals("10%", cpu(9.96), "rounds up into whole numbers, never 10.0%");
        assertEquals("12%", cpu(12.4));
        assertEquals("100%", cpu(99.7));
        assertEquals("999%", cpu(999.4));
    }

    @Test
    void memory_unitsStepUpAtAThousand() {
        assertEquals("-", UsageText.memory(OptionalLong.empty()));
        assertEquals("0K", memory(0));
        assertEquals("1K", memory(1));
        assertEquals("999K", memory(999 * 1024));
        assertEquals("1M", memory(1000 * 1024), "never 1000K");
        assertEquals("143M", memory(143L << 20));
        assertEquals("999M", memory(999L << 20));
        assertEquals("1.0G", memory((999L << 20) + (700L << 10)), "never 1000M");
        assertEquals("1.2G", memory(1229L << 20));
        assertEquals("9.9G", memory((99L << 30) / 10));
        assertEquals("10G", memory((996L << 30) / 100));
        assertEquals("123G", memory(123L << 30));
    }
}
