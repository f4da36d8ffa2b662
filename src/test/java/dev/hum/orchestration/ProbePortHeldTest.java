package dev.hum.orchestration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Servers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A tcp probe whose port another process already holds is said, with the holder, before the start (issue 12). */
final class ProbePortHeldTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Sessions sessions = new Sessions();

    private Session session;

    @Test
    void tcpProbe_portHeldBeforeTheStartNamesTheHolder() throws Exception {
        try (Servers.Outside holder = Servers.startOutside(dir)) {
            session = sessions.open(
                    dir,
                    """
                    processes:
                      db:
                        cmd: w=db; echo $w-up; exec sleep 30
                        ready: { tcp: %d, interval: 100ms }
                    """
                            .formatted(holder.port()));
            session.supervisor.startWanted(List.of());
            session.awaitLine("db", "db-up");
            String expected = "hum: port " + holder.port() + " is held by pid "
                    + holder.process().pid() + " (python3 ";
            List<String> db = session.texts("db");
            assertTrue(
                    db.stream().anyMatch(l -> l.startsWith(expected) && l.endsWith("not on db")),
                    "the holder is named before the start:\n" + db);
        }
    }
}
