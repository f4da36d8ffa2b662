package dev.hum.process;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.state.StateCell;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The supervisor a test of real processes made, stopped (whole trees) after each test whatever happened, and the
 * reads such tests make of it. Register it with {@code @RegisterExtension} over the test's own field.
 */
final class SupervisorFixture implements AfterEachCallback {

    private final Supplier<@Nullable Supervisor> supervisor;

    SupervisorFixture(Supplier<@Nullable Supervisor> supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Supervisor s = supervisor.get();
        if (s != null) {
            s.close();
        }
    }

    /** The text of every line the process named {@code name} has in its log, oldest first. */
    List<String> lines(String name) {
        Supervisor s = supervisor.get();
        if (s == null) {
            throw new IllegalStateException("the test made no supervisor yet");
        }
        LogBuffer log = s.find(name).orElseThrow().log();
        return log.readFrom(log.firstSeq(), 10_000).lines().stream()
                .map(LogLine::text)
                .toList();
    }

    /** The state cell of the process named {@code name}. */
    StateCell cell(String name) {
        Supervisor s = supervisor.get();
        if (s == null) {
            throw new IllegalStateException("the test made no supervisor yet");
        }
        return s.find(name).orElseThrow().cell();
    }
}
