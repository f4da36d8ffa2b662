package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.ConfigLoader;
import dev.hum.config.ProjectConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's pictures: the built-in demo on the virtual terminal, painted to PNG. With {@code
 * -Dhum.screenshots=DIR} the pictures go to DIR (the README's command writes {@code screenshots/});
 * otherwise to a temporary folder, and the test only checks that they are real pictures.
 *
 * <pre>mvn -B -q test -Dtest=ScreenshotsTest -Dhum.screenshots=screenshots</pre>
 */
final class ScreenshotsTest {

    private static final int COLUMNS = 120;
    private static final int ROWS = 32;

    /** Wide enough for every column of the list, CPU and MEM among them. */
    private static final int WIDE = 140;

    @TempDir
    Path scratch;

    @Test
    void screenshots_demoSearchAndFailedProcess() throws Exception {
        String target = System.getProperty("hum.screenshots", "");
        Path out = target.isBlank() ? scratch.resolve("screenshots") : Path.of(target);
        Path empty = Files.createDirectories(scratch.resolve("project"));
        ProjectConfig demo = ConfigLoader.discover(empty);
        TerminalPainter painter = new TerminalPainter();
        try (ScreenHarness h = new ScreenHarness(COLUMNS, ROWS, demo, "demo")) {
            h.startAll();
            // Scene 1: the all view once every demo process has had its say.
            h.awaitText("done job #1");
            h.awaitText("256-colour orange");
            h.awaitText("connected; running migrations");
            painter.write(h.terminal, out.resolve("demo.png"));

            // Scene 1b: the all view filtered by a regex: failed requests, warnings and errors of every process.
            h.awaitText("401");
            h.press('f');
            h.type("/ 40[14] |warning|error/");
            h.press(com.googlecode.lanterna.input.KeyType.Enter);
            h.awaitText("filter: / 40[14] |warning|error/ · ");
            h.awaitText("lost connection");
            painter.write(h.terminal, out.resolve("filter.png"));
            h.press(com.googlecode.lanterna.input.KeyType.Escape);

            // Scene 2: the web server's log searched for its API requests.
            h.press('j');
            h.press('j');
            h.awaitText("web · RUNNING");
            h.awaitText("/api/login");
            h.press('/');
            h.type("api/");
            h.press(com.googlecode.lanterna.input.KeyType.Enter);
            // the title's search part: "/api/ (n older, N newer)", or "/api/ · paused" where the list leaves less room
            h.awaitText("/api/ ");
            painter.write(h.terminal, out.resolve("search.png"));

            // Scene 3: the flaky process after it failed, with its last words and exit code.
            h.press(com.googlecode.lanterna.input.KeyType.Escape);
            h.press('j');
            h.press('j');
            h.press('j');
            h.awaitText("flaky · FAILED 1");
            h.awaitText("lost connection");
            painter.write(h.terminal, out.resolve("failed.png"));
        }
        for (String name : new String[] {"demo.png", "filter.png", "search.png", "failed.png"}) {
            assertIsAPicture(out.resolve(name), painter, COLUMNS, ROWS);
        }
    }

    /** The size a terminal window opens with: the list gives way, the log and the way out stay. */
    @Test
    void screenshots_demoAt80x24() throws Exception {
        String target = System.getProperty("hum.screenshots", "");
        Path out = target.isBlank() ? scratch.resolve("screenshots") : Path.of(target);
        Path empty = Files.createDirectories(scratch.resolve("project"));
        ProjectConfig demo = ConfigLoader.discover(empty);
        TerminalPainter painter = new TerminalPainter();
        try (ScreenHarness h = new ScreenHarness(80, 24, demo, "demo")) {
            h.startAll();
            h.awaitText("done job #1");
            h.awaitText("connected; running migrations");
            h.awaitText("q quit");
            painter.write(h.terminal, out.resolve("demo-80x24.png"));
        }
        assertIsAPicture(out.resolve("demo-80x24.png"), painter, 80, 24);
    }

    /** Copy mode: the failed process's last lines selected, ready for y. */
    @Test
    void screenshots_copyMode() throws Exception {
        String target = System.getProperty("hum.screenshots", "");
        Path out = target.isBlank() ? scratch.resolve("screenshots") : Path.of(target);
        Path empty = Files.createDirectories(scratch.resolve("project"));
        ProjectConfig demo = ConfigLoader.discover(empty);
        TerminalPainter painter = new TerminalPainter();
        try (ScreenHarness h = new ScreenHarness(COLUMNS, ROWS, demo, "demo")) {
            h.startAll();
            for (int i = 0; i < 5; i++) {
                h.press('j');
            }
            h.awaitText("flaky · FAILED 1");
            h.awaitText("lost connection");
            h.press('v');
            h.press('k');
            h.press('k');
            h.press('k');
            h.awaitText("y or Enter copies");
            painter.write(h.terminal, out.resolve("copy.png"));
        }
        assertIsAPicture(out.resolve("copy.png"), painter, COLUMNS, ROWS);
    }

    /**
     * The list's CPU and MEM columns on a wide terminal, for real: {@code yes > /dev/null} keeps a core busy and the
     * sampler measures it, so the figures differ from one run of the command to the next.
     */
    @Test
    void screenshots_resourceColumns() throws Exception {
        String target = System.getProperty("hum.screenshots", "");
        Path out = target.isBlank() ? scratch.resolve("screenshots") : Path.of(target);
        TerminalPainter painter = new TerminalPainter();
        try (ScreenHarness h = new ScreenHarness(
                WIDE,
                ROWS,
                ScreenHarness.shell(
                        "web",
                        "echo 'VITE v5.4.2  ready in 312 ms'; echo '  ➜  Local:   http://localhost:5173/';"
                                + " i=0; while :; do i=$((i+1)); sleep 0.4; echo \"GET /api/items?page=$i 200 4ms\"; done"),
                ScreenHarness.shell("build", "echo 'compressing assets…'; yes > /dev/null"),
                ScreenHarness.shell(
                        "api",
                        "python3 -c 'import time; x = bytearray(48 << 20); print(\"api up\", flush=True);"
                                + " time.sleep(3600)'"),
                ScreenHarness.shell("db", "echo 'database system is ready to accept connections'; sleep 3600"),
                ScreenHarness.shell("docs", "echo 'docs: not needed today'", false))) {
            h.startAll();
            h.awaitText("api up");
            h.awaitText("GET /api/items?page=6 "); // a few seconds in: the figures are of whole sampling intervals
            h.await(
                    () -> {
                        try {
                            h.frame();
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                        String build = h.text()
                                .lines()
                                .filter(l -> l.startsWith("  build "))
                                .findFirst()
                                .orElse("");
                        String api = h.text()
                                .lines()
                                .filter(l -> l.startsWith("  api "))
                                .findFirst()
                                .orElse("");
                        return build.matches(".*RUNNING +\\d+ +[1-9]\\d*%.*") && api.matches(".*\\d\\dM .*");
                    },
                    "the busy build's CPU and the api's memory");
            painter.write(h.terminal, out.resolve("resources.png"));
        }
        assertIsAPicture(out.resolve("resources.png"), painter, WIDE, ROWS);
    }

    private static void assertIsAPicture(Path file, TerminalPainter painter, int columns, int rows) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(columns * painter.cellWidth(), image.getWidth(), file + " width");
        assertEquals(rows * painter.cellHeight(), image.getHeight(), file + " height");
        Set<Integer> colours = new HashSet<>();
        int background = TerminalPainter.DEFAULT_BG.getRGB();
        long painted = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    painted++;
                }
            }
        }
        assertTrue(colours.size() >= 8, file + " has only " + colours.size() + " colours");
        long pixels = (long) image.getWidth() * image.getHeight();
        assertTrue(painted * 50 > pixels, file + " is almost blank: " + painted + " of " + pixels + " pixels");
    }
}
