package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What discovery finds, run by the real command with the real npm. */
final class DiscoveryCliTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120) // only ends a hang
    void headless_workspaceScriptsStartByNameInTheirPackagesFolder() throws Exception {
        Files.writeString(
                dir.resolve("package.json"),
                "{\"name\": \"mono\", \"workspaces\": [\"packages/*\"], \"scripts\": {\"dev\": \"echo root\"}}\n");
        for (String pkg : List.of("web", "api")) {
            Path folder = Files.createDirectories(dir.resolve("packages").resolve(pkg));
            Files.writeString(
                    folder.resolve("package.json"),
                    "{\"name\": \"@acme/" + pkg + "\", \"scripts\": {\"dev\": \"echo " + pkg + " in $(pwd)\"}}\n");
        }
        // npm would otherwise look for a newer npm on the network
        Files.writeString(dir.resolve(".npmrc"), "update-notifier=false\n");

        HumProcess hum = HumProcess.start(dir, Map.of("NO_COLOR", "1"), "--headless", "web:dev", "api:dev");
        assertEquals(0, hum.waitForExit(), hum.stderrText());
        String out = hum.stdoutText();
        Path real = dir.toRealPath();
        assertTrue(out.contains("web:dev | web in " + real.resolve("packages/web") + "\n"), out);
        assertTrue(out.contains("api:dev | api in " + real.resolve("packages/api") + "\n"), out);
        assertTrue(!out.contains("root"), out);
    }

    @Test
    @Timeout(120) // only ends a hang
    void headless_headerNamesTheProcfileBesidePackageJsonAndHumCRunsIt() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"scripts\": {\"start\": \"echo from-npm\"}}\n");
        Files.writeString(dir.resolve("Procfile.dev"), "web: echo from-procfile\n");
        Files.writeString(dir.resolve(".npmrc"), "update-notifier=false\n");

        HumProcess hum = HumProcess.start(dir, Map.of("NO_COLOR", "1"), "--headless", "start");
        assertEquals(0, hum.waitForExit(), hum.stderrText());
        List<String> err = hum.stderrText().lines().toList();
        assertTrue(err.get(0).startsWith("hum: ") && err.get(0).contains("package.json (1 process"), err::toString);
        assertEquals("also found Procfile.dev: hum -c Procfile.dev", err.get(1), err::toString);

        HumProcess procfile = HumProcess.start(dir, Map.of("NO_COLOR", "1"), "-c", "Procfile.dev", "--headless");
        assertEquals(0, procfile.waitForExit(), procfile.stderrText());
        assertTrue(procfile.stdoutText().contains("web | from-procfile\n"), procfile.stdoutText());
    }
}
