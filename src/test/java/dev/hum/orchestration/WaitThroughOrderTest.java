package dev.hum.orchestration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.control.Cancel;
import dev.hum.control.LocalControl;
import dev.hum.control.Until;
import dev.hum.control.WaitRequest;
import dev.hum.control.WaitResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** wait_for and hum wait go on while a process waits for its dependency, as a person would keep watching. */
final class WaitThroughOrderTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Sessions sessions = new Sessions();

    private Session session;

    @Test
    void waitForReady_goesOnWhileTheProcessWaitsForItsDependency() throws Exception {
        int port = Session.freePort();
        session = sessions.open(
                dir,
                """
                processes:
                  db:
                    cmd: sleep 1; exec python3 -u -m http.server %d --bind 127.0.0.1
                    ready: { tcp: %d, interval: 100ms }
                    autostart: false
                  api:
                    cmd: w=api; echo $w-up; exec sleep 30
                    depends_on: [db]
                    autostart: false
                """
                        .formatted(port, port));
        session.supervisor.start("api").join(); // starts db first; api is WAITING meanwhile
        WaitResult r = new LocalControl(session.supervisor, false)
                .waitFor(
                        new WaitRequest("api", new Until.Ready(), Duration.ofSeconds(60), OptionalLong.empty()),
                        Cancel.none());
        assertTrue(r.met(), "met, not ended while WAITING: " + r.message());
    }
}
