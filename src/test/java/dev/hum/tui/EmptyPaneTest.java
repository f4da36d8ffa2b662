package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.ConfigLoader;
import dev.hum.state.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The empty log pane teaches what to press: package.json scripts wait for s, a never-started process shows its command. */
final class EmptyPaneTest {

    @TempDir
    Path dir;

    @Test
    void packageJson_listsScriptsNotStartedAndSuggestsHumDev() throws Exception {
        Files.writeString(
                dir.resolve("package.json"),
                "{\"scripts\": {\"build\": \"tsc\", \"dev\": \"vite\", \"lint\": \"eslint .\"}}\n");
        try (ScreenHarness h = new ScreenHarness(140, 16, ConfigLoader.discover(dir), "shop")) {
            h.frame();
            String screen = h.text();
            assertTrue(screen.contains("3 package.json scripts are listed, not started."), screen);
            assertTrue(screen.contains("Select one (↓) and press s, or start hum as `hum dev`."), screen);
            assertTrue(screen.contains("s here starts all 3 processes"), screen);
            for (String name : new String[] {"build", "dev", "lint"}) {
                assertEquals(
                        Status.NOT_STARTED,
                        h.supervisor.registry().find(name).orElseThrow().get().status());
            }
        }
    }

    @Test
    void packageJson_withoutDevSuggestsTheFirstScript() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"scripts\": {\"serve\": \"vite\", \"test\": \"vitest\"}}\n");
        try (ScreenHarness h = new ScreenHarness(140, 16, ConfigLoader.discover(dir), "shop")) {
            h.frame();
            assertTrue(h.text().contains("or start hum as `hum serve`."), h.text());
            assertFalse(h.text().contains("hum dev"), h.text());
        }
    }

    @Test
    void neverStartedProcess_showsItsCommandAndHowToStartIt() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100,
                16,
                ScreenHarness.shell("web", "echo serving; sleep 300", false),
                ScreenHarness.shell("db", "sleep 300", false))) {
            h.press('j'); // from "all" to web
            String screen = h.text();
            assertTrue(screen.contains("web has not been started. It runs:"), screen);
            assertTrue(screen.contains("   echo serving; sleep 300"), "the command, indented:\n" + screen);
            assertTrue(screen.contains("s start · ? keys"), screen);
            h.press('s');
            h.awaitText("│ serving");
            assertFalse(h.text().contains("has not been started"), h.text());
        }
    }
}
