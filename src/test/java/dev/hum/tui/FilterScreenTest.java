package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.hum.config.Origin;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code f} and {@code z} on the virtual terminal, over real processes. */
final class FilterScreenTest {

    /** Fifty lines, every tenth an error (five), then quiet. */
    private static final String FIFTY =
            "i=1; while [ $i -le 50 ]; do if [ $((i % 10)) -eq 0 ]; then w=ERR; echo \"${w}OR at $i\"; else echo \"ok $i\"; fi;"
                    + " i=$((i+1)); done; sleep 300";

    @TempDir
    Path dir;

    @Test
    void filter_oneProcess_showsOnlyTheMatchesAndTheCount() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 16, ScreenHarness.shell("web", FIFTY))) {
            h.startAll();
            h.awaitText("ok 49");
            h.press('f');
            assertTrue(h.text().contains("filter: ▏"), h.text());
            h.type("error");
            h.press(KeyType.Enter);
            h.awaitText("filter: error · 5 of 51 lines");
            List<String> shown = paneLines(h);
            assertEquals(List.of("ERROR at 10", "ERROR at 20", "ERROR at 30", "ERROR at 40", "ERROR at 50"), shown);
        }
    }

    @Test
    void filter_allView_regex_showsTheMatchesOfEveryProcessByName() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                140, 20, ScreenHarness.shell("web", FIFTY), ScreenHarness.shell("api", FIFTY.replace("ok", "fine")))) {
            h.startAll();
            awaitLines(h, "web", 51);
            awaitLines(h, "api", 51);
            h.press('f');
            h.type("/(ok|fine) [12]0?$/");
            h.press(KeyType.Enter);
            h.awaitText("filter: /(ok|fine) [12]0?$/ · 4 of 102 lines");
            List<String> shown = paneLines(h);
            assertEquals(4, shown.size(), h.text());
            assertTrue(shown.contains("web | ok 1") && shown.contains("api | fine 2"), h.text());
            h.press('/'); // a search runs over the lines the filter shows
            h.type("fine 2");
            h.press(KeyType.Enter);
            h.awaitText("/fine 2 · paused"); // found: the view jumped to the match
            assertEquals(4, paneLines(h).size(), h.text());
            h.press(KeyType.Escape); // the search first
            assertTrue(h.row(0).contains("filter: /(ok|fine) [12]0?$/"), h.row(0));
            h.press(KeyType.Escape); // then the filter
            assertFalse(h.row(0).contains("filter"), h.row(0));
        }
    }

    @Test
    void filter_invalidRegex_saysWhatIsWrongAndFiltersNothing() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 16, ScreenHarness.shell("web", FIFTY))) {
            h.startAll();
            awaitLines(h, "web", 51);
            h.press('f');
            h.type("/(ok/");
            h.press(KeyType.Enter);
            assertTrue(h.text().contains("not a valid regex"), h.text());
            assertFalse(h.row(0).contains("filter"), h.row(0));
            assertTrue(h.text().contains("ok 49"), h.text());
        }
    }

    @Test
    void filter_extendsLiveAndTails() throws Exception {
        Path gate = dir.resolve("gate");
        String script = FIFTY.replace("sleep 300", "") + " while [ ! -f " + gate
                + " ]; do sleep 0.05; done; w=ERR; echo \"late ${w}OR\"; echo ok late; sleep 300";
        try (ScreenHarness h = new ScreenHarness(100, 16, ScreenHarness.shell("web", script))) {
            h.startAll();
            awaitLines(h, "web", 51);
            h.press('f');
            h.type("error");
            h.press(KeyType.Enter);
            h.awaitText("filter: error · 5 of 51 lines");
            Files.createFile(gate);
            h.awaitText("filter: error · 6 of 53 lines");
            List<String> shown = paneLines(h);
            assertEquals("late ERROR", shown.get(shown.size() - 1), "the new match is at the tail:\n" + h.text());
            assertFalse(h.text().contains("ok late"), h.text());
            assertTrue(h.row(0).contains("following"), h.row(0));
        }
    }

    @Test
    void escape_clearsTheFilterAndReturnsToWhereTheViewWas() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 16, ScreenHarness.shell("web", FIFTY))) {
            h.startAll();
            awaitLines(h, "web", 51);
            h.press('j');
            h.press(KeyType.PageUp);
            h.press(KeyType.PageUp);
            String before = h.text();
            assertTrue(h.row(0).contains("paused"), h.row(0));
            h.press('f');
            h.type("error");
            h.press(KeyType.Enter);
            h.awaitText("filter: error · 5 of 51 lines");
            h.press(KeyType.PageUp); // scrolling works over the matches
            h.press(KeyType.Escape);
            assertTrue(h.text().contains("filter cleared"), h.text());
            assertEquals(paneOf(before), paneOf(h.text()), "the same lines as before f");
            assertTrue(h.row(0).contains("paused"), h.row(0));
            h.press(KeyType.End);
            h.press('f');
            h.type("error");
            h.press(KeyType.Enter);
            h.awaitText("filter: error · 5 of 51 lines");
            h.press(KeyType.Escape);
            assertTrue(h.row(0).contains("following"), "back on the tail, as before f:\n" + h.text());
            assertTrue(h.text().contains("ok 49"), h.text());
        }
    }

    @Test
    void filter_runsOnTheWorker_showsFilteringAndEscCancels() throws Exception {
        ExecutorService searches = Executors.newSingleThreadExecutor();
        CountDownLatch hold = new CountDownLatch(1);
        searches.submit(() -> {
            hold.await(); // the worker is busy: the filter's scan waits behind this, however fast it would be
            return null;
        });
        try (ScreenHarness h = new ScreenHarness(
                120,
                16,
                new ProjectConfig(
                        ScreenHarness.TMP,
                        Origin.HUM_FILE,
                        List.of(ScreenHarness.shell("web", FIFTY), ScreenHarness.shell("api", "sleep 300")),
                        new Settings(1000, 30)),
                "test",
                searches)) {
            h.startAll();
            awaitLines(h, "web", 51);
            h.press('j');
            h.dashboard.handle(new KeyStroke('f', false, false));
            h.type("error");
            h.dashboard.handle(new KeyStroke(KeyType.Enter));
            h.frame();
            assertTrue(h.row(0).contains("filtering: error · 0 of 51 lines…"), h.text());
            assertTrue(h.row(0).contains("Esc to cancel"), h.text());
            assertTrue(h.dashboard.scanning(), "the scan waits for the worker");
            h.dashboard.handle(new KeyStroke('w', false, false)); // keys still work while the scan waits
            h.frame();
            assertTrue(h.text().contains("long lines are cut"), "w was handled:\n" + h.text());
            h.dashboard.handle(new KeyStroke(KeyType.Escape));
            h.frame();
            assertTrue(h.text().contains("filter cancelled"), h.text());
            assertFalse(h.row(0).contains("filter"), h.row(0));
            assertTrue(h.text().contains("ok 49"), "the whole log again:\n" + h.text());
            hold.countDown();
            h.press('f');
            h.type("error");
            h.press(KeyType.Enter);
            h.awaitText("filter: error · 5 of 51 lines");
        } finally {
            hold.countDown();
            searches.shutdownNow();
        }
    }

    @Test
    void filter_keepsOnlyWhatTheRingHolds_andCarriesOverToAnotherProcess() throws Exception {
        String many = "i=1; while [ $i -le 300 ]; do if [ $((i % 10)) -eq 0 ]; then w=ERR; echo \"${w}OR $i\";"
                + " else echo \"ok $i\"; fi; i=$((i+1)); done; sleep 300";
        try (ScreenHarness h = new ScreenHarness(
                100, 16, new Settings(100, 30), ScreenHarness.shell("web", many), ScreenHarness.shell("api", FIFTY))) {
            h.startAll();
            awaitLines(h, "web", 301);
            awaitLines(h, "api", 51);
            h.press('j');
            h.press('f');
            h.type("error");
            h.press(KeyType.Enter);
            h.awaitText("filter: error · 10 of 100 lines"); // 201..300 held: ERROR 210 .. ERROR 300
            assertTrue(h.text().contains("ERROR 300") && !h.text().contains("ERROR 200"), h.text());
            h.press('j'); // the filter carries over to the next process
            h.awaitText("api · RUNNING · filter: error · 5 of 51 lines");
            assertEquals(5, paneLines(h).size(), h.text());
        }
    }

    @Test
    void zoom_givesTheLogTheWholeWidthAndBack() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100, 16, ScreenHarness.shell("web", FIFTY), ScreenHarness.shell("api", "sleep 300"))) {
            h.startAll();
            awaitLines(h, "web", 51);
            h.press('j');
            assertTrue(h.row(2).startsWith("▶ web"), h.text());
            h.press('z');
            assertTrue(h.text().contains("zoom: the log has the whole width"), h.text());
            assertTrue(h.row(0).startsWith(" web · RUNNING"), h.row(0));
            assertTrue(h.row(0).contains("zoom"), h.row(0));
            assertFalse(h.text().contains("PROCESS"), "the list is hidden:\n" + h.text());
            assertTrue(h.row(14).startsWith(" ok 49") || h.row(13).startsWith(" ok 49"), h.text());
            h.press('z');
            assertTrue(h.text().contains("PROCESS"), h.text());
            assertTrue(h.row(2).startsWith("▶ web"), "the selection stayed:\n" + h.text());
        }
    }

    /** The pane's part of each row: right of the list's separator. */
    private static List<String> paneOf(String screen) {
        return screen.lines()
                .skip(1)
                .limit(14)
                .map(row -> row.substring(row.indexOf('│') + 1))
                .toList();
    }

    /** Waits until {@code name} has printed {@code lines} lines (its start notice included). */
    private static void awaitLines(ScreenHarness h, String name, long lines) {
        h.await(
                () -> h.supervisor.find(name).orElseThrow().log().totalAppended() >= lines,
                name + " to print " + lines + " lines");
    }

    /** The text of the log pane's rows that hold a line, without the gutter or name column. */
    private static List<String> paneLines(ScreenHarness h) {
        return h.text()
                .lines()
                .skip(1)
                .limit(14)
                .map(row -> row.substring(row.indexOf('│') + 1).strip())
                .map(text -> text.replaceAll("\\s*│\\s*", " | "))
                .filter(text -> !text.isEmpty())
                .toList();
    }
}
