package dev.hum.orchestration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Opens the sessions of a test and closes each after it (every tree stopped), whatever happened. */
final class Sessions implements AfterEachCallback {

    private final List<Session> open = new ArrayList<>();

    Session open(Path dir, String yaml) throws Exception {
        return keep(new Session(dir, yaml));
    }

    /** With a shorter "stayed up" time for the restart policy's reset. */
    Session open(Path dir, String yaml, Duration stable) throws Exception {
        return keep(new Session(dir, yaml, stable));
    }

    private Session keep(Session s) {
        open.add(s);
        return s;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Session s : open) {
            s.close();
        }
        open.clear();
    }
}
