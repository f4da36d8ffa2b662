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
            h.awaitText("/api/ (n older, N newer)");
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
