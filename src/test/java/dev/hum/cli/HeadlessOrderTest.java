package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hum --headless with depends_on and restart: the notices on stdout and the exit code. */
final class HeadlessOrderTest {

    @TempDir
    Path dir;

    @Test
    void headless_waitsReadiesRestartsAndCountsAGiveUpAsFailed() throws Exception {
        Files.writeString(dir.resolve("shared.env"), "GREETING=hello\n");
        Files.writeString(
                dir.resolve("hum.yaml"),
                """
                settings:
                  env_file: shared.env
                processes:
                  migrate:
                    cmd: echo migrated
                  db:
                    cmd: echo "$GREETING from db"; sleep 0.2; echo accepting; exec sleep 1
                    ready: { log: accepting }
                  api:
                    cmd: echo serving; exit 4
                    depends_on: { db: ready, migrate: exited 0 }
                    restart: on-failure
                    backoff: 100ms
                    max_restarts: 2
                """);
        HumProcess hum = HumProcess.start(dir, Map.of("NO_COLOR", "1"), "--headless");
        assertEquals(4, hum.waitForExit(), hum.stderrText());
        String out = hum.stdoutText();
        assertTrue(out.contains("db      | hello from db\n"), out);
        assertTrue(out.contains("api     | hum: waiting for db: ready (log 'accepting')"), out);
        assertTrue(out.contains("db      | hum: ready (log 'accepting')\n"), out);
        assertTrue(out.contains("api     | hum: restart 1 in 100ms\n"), out);
        assertTrue(out.contains("api     | hum: restart 2 in 200ms\n"), out);
        assertTrue(out.contains("api     | hum: gave up after 2 restarts\n"), out);
        assertTrue(out.indexOf("db      | hum: ready") < out.indexOf("api     | serving"), out);
    }
}
