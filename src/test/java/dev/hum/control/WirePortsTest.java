package dev.hum.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The sampled figures cross the bridge between hum mcp and the dashboard unchanged. */
final class WirePortsTest {

    @Test
    void process_portsUrlsConflictCpuAndMemoryRoundTrip() {
        ProcessInfo p = new ProcessInfo(
                "web",
                "npm run dev",
                true,
                "RUNNING",
                4242,
                1000,
                OptionalInt.empty(),
                OptionalInt.empty(),
                0,
                12,
                "",
                List.of(5173, 24678),
                List.of("http://localhost:5173/"),
                "hum: port 3000 is held by pid 1 (init, up 2h), not started by this hum",
                OptionalDouble.of(12.5),
                OptionalLong.of(64L << 20));
        String json = Wire.process(p).toString();
        assertEquals(p, Wire.process(Wire.JSON.readTree(json)));
    }

    @Test
    void process_withoutSamplesHasEmptyListsAndNoFigures() {
        ProcessInfo p = new ProcessInfo(
                "once", "seq 3", false, "NOT STARTED", 0, 0, OptionalInt.empty(), OptionalInt.empty(), 0, 0, "");
        assertEquals(p, Wire.process(Wire.JSON.readTree(Wire.process(p).toString())));
        assertEquals(
                "{\"name\":\"once\",\"command\":\"seq 3\",\"autostart\":false,\"status\":\"NOT STARTED\",\"pid\":0,"
                        + "\"uptime_ms\":0,\"restarts\":0,\"lines\":0,\"reason\":\"\",\"ports\":[],\"urls\":[],"
                        + "\"ready\":false,\"waiting_for\":[],\"blocked_by\":[],\"restart_policy\":\"no\"}",
                Wire.process(p).toString());
    }
}
