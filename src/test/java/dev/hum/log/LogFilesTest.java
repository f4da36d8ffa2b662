package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hum.testing.OwnThread;
import dev.hum.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log files: plain text with times, rotation, the kept count, dropped lines, and files that cannot be written. */
final class LogFilesTest {
    private static final long TIME = 1_796_000_000_123L;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static LogBuffer log() {
        return new LogBuffer(10_000, LogBuffer.MIN_BYTES, new AtomicLong(), 0, 0, () -> TIME);
    }

    private static String stamp(long time) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS ")
                .format(LocalDateTime.ofInstant(Instant.ofEpochMilli(time), ZoneId.systemDefault()));
    }

    @Test
    void lines_areSanitisedPlainTextAfterTheirTime() throws Exception {
        LogFiles files = new LogFiles(1 << 20, 3);
        LogBuffer log = log();
        Path file = dir.resolve("deep/folder/web.log");
        log.writeTo(files.open(file, log::appendNotice));
        byte[] out = "\u001b[31mred\u001b[0m plain\u001b]0;title\u0007\n\u001b[2Jtab\there\rTAB\nbell\u0007 nul\0\n"
                .getBytes(UTF_8);
        new OutputDecoder(log, Source.STDOUT).feed(out, 0, out.length);
        log.appendNotice("hum: stopped");
        assertTrue(files.close(LIMIT));
        assertEquals(
                List.of(
                        stamp(TIME) + "red plain",
                        stamp(TIME) + "TAB     here",
                        stamp(TIME) + "bell nul\u2400",
                        stamp(TIME) + "hum: stopped"),
                Files.readAllLines(file, UTF_8));
    }

    @Test
    void rotation_atTheSizeKeepsTheCountOfFiles() throws Exception {
        LogFiles files = new LogFiles(1024, 3);
        LogBuffer log = log();
        Path file = dir.resolve("api.log");
        log.writeTo(files.open(file, log::appendNotice));
        for (int i = 0; i < 200; i++) {
            log.appendNotice(String.format("line %03d %s", i, "x".repeat(20))); // 24 + 29 + 1 = 54 bytes a line
        }
        assertTrue(files.close(LIMIT));
        assertTrue(Files.exists(dir.resolve("api.log.1")));
        assertTrue(Files.exists(dir.resolve("api.log.2")));
        assertFalse(Files.exists(dir.resolve("api.log.3")), "three files in all");
        List<String> kept = new ArrayList<>();
        for (String name : new String[] {"api.log.2", "api.log.1", "api.log"}) {
            Path p = dir.resolve(name);
            assertTrue(Files.size(p) <= 1024, name + " is " + Files.size(p) + " bytes");
            kept.addAll(Files.readAllLines(p, UTF_8));
        }
        assertEquals(
                1024 / 54, Files.readAllLines(dir.resolve("api.log.1"), UTF_8).size(), "a full file");
        // oldest first, no line lost or repeated across the rotations, ending with the last line
        int first = 200 - kept.size();
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(stamp(TIME) + String.format("line %03d %s", first + i, "x".repeat(20)), kept.get(i));
        }
    }

    @Test
    void rotation_keepOneStartsTheFileAfresh() throws Exception {
        LogFiles files = new LogFiles(1024, 1);
        LogBuffer log = log();
        Path file = dir.resolve("one.log");
        log.writeTo(files.open(file, log::appendNotice));
        for (int i = 0; i < 50; i++) {
            log.appendNotice(String.format("line %03d %s", i, "x".repeat(20)));
        }
        assertTrue(files.close(LIMIT));
        assertFalse(Files.exists(dir.resolve("one.log.1")));
        List<String> lines = Files.readAllLines(file, UTF_8);
        assertTrue(lines.get(lines.size() - 1).endsWith("line 049 " + "x".repeat(20)), lines.toString());
        assertTrue(Files.size(file) <= 1024);
    }

    @Test
    void drops_whenTheWriterCannotKeepUpAreCountedInTheFile() throws Exception {
        // The writer blocks opening a FIFO until someone reads it: a disk that does not keep up, deterministically.
        Path fifo = mkfifo("slow.log");
        LogFiles files = new LogFiles(1 << 20, 3, 4, 1 << 20);
        LogBuffer log = log();
        List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        log.writeTo(files.open(fifo, notices::add));
        log.appendNotice("line 0");
        Poll.until("the writer to take the first batch and block in open", () -> files.queued() == 0);
        for (int i = 1; i <= 4; i++) {
            log.appendNotice("line " + i); // the queue holds four
        }
        for (int i = 5; i < 10; i++) {
            log.appendNotice("line " + i); // these five are dropped from the file
        }
        assertEquals(10, log.totalAppended(), "never dropped from the screen");
        CompletableFuture<String> reader = OwnThread.supply(() -> readAll(fifo));
        Poll.until("the writer to catch up", () -> files.queued() == 0);
        log.appendNotice("line 10");
        assertTrue(files.close(LIMIT));
        List<String> lines = reader.get(60, TimeUnit.SECONDS).lines().toList();
        List<String> expected = new ArrayList<>();
        for (String text : new String[] {
            "line 0",
            "line 1",
            "line 2",
            "line 3",
            "line 4",
            "[hum: 5 lines dropped: the disk did not keep up]",
            "line 10"
        }) {
            expected.add(stamp(TIME) + text);
        }
        assertEquals(expected, lines);
        assertEquals(List.of(), notices);
    }

    @Test
    void drops_atTheEndAreNotedWhenTheWriterCloses() throws Exception {
        Path fifo = mkfifo("end.log");
        LogFiles files = new LogFiles(1 << 20, 3, 1, 1 << 20);
        LogBuffer log = log();
        log.writeTo(files.open(fifo, log::appendNotice));
        log.appendNotice("line 0");
        Poll.until("the writer to block in open", () -> files.queued() == 0);
        log.appendNotice("line 1");
        log.appendNotice("line 2"); // dropped, and no batch follows to carry the count
        CompletableFuture<String> reader = OwnThread.supply(() -> readAll(fifo));
        assertTrue(files.close(LIMIT));
        List<String> lines = reader.get(60, TimeUnit.SECONDS).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).endsWith("[hum: 1 line dropped: the disk did not keep up]"), lines.toString());
    }

    @Test
    void close_givesUpAfterItsLimitWhenTheDiskHangs() throws Exception {
        Path fifo = mkfifo("hung.log");
        LogFiles files = new LogFiles(1 << 20, 3);
        LogBuffer log = log();
        log.writeTo(files.open(fifo, log::appendNotice));
        log.appendNotice("line 0");
        Poll.until("the writer to block in open", () -> files.queued() == 0);
        assertFalse(files.close(Duration.ofMillis(50)), "the writer is still stuck in open");
        CompletableFuture<String> reader = OwnThread.supply(() -> readAll(fifo)); // lets it go
        assertTrue(reader.get(60, TimeUnit.SECONDS).endsWith("line 0\n"));
    }

    @Test
    void readOnlyFolder_isOneNoticeAndTheLogGoesOn() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("readonly"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(folder), "running as root: chmod does not stop writes (see the next test)");
            assertOneNotice(folder.resolve("web.log"), "permission denied");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void folderUnderARegularFile_isOneNoticeAndTheLogGoesOn() throws Exception {
        // works as root too, where a read-only folder would still be written
        Path regular = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertOneNotice(regular.resolve("logs/web.log"), "Not a directory");
    }

    @Test
    void fullDisk_isOneNoticeAndTheLogGoesOn() throws Exception {
        Path full = Path.of("/dev/full"); // every write fails with ENOSPC
        assumeTrue(Files.isWritable(full), "/dev/full is not there");
        assertOneNotice(full, "No space left on device");
    }

    @Test
    void linkPlantedByAnotherUser_isNotWrittenThrough() throws Exception {
        Path victim = Files.writeString(dir.resolve("bashrc"), "export PATH\n");
        Path link = Files.createSymbolicLink(dir.resolve("web.log"), victim);
        assumeTrue(chownToNobody(link), "giving a file to another user needs root");
        assertOneNotice(
                link,
                "a symbolic link of uid " + NOBODY + ", not yours (uid 0): another user may have put"
                        + " it there; hum will not write through it");
        assertEquals("export PATH\n", Files.readString(victim), "the link's target is untouched");
    }

    @Test
    void filePlantedByAnotherUser_isNotAppendedTo() throws Exception {
        Path planted = Files.writeString(dir.resolve("web.log"), "");
        assumeTrue(chownToNobody(planted), "giving a file to another user needs root");
        assertOneNotice(
                planted,
                "a file of uid " + NOBODY + ", not yours (uid 0): another user may have put it"
                        + " there; hum will not write through it");
        assertEquals("", Files.readString(planted), "the session's output did not go to them");
    }

    private static final int NOBODY = 65534;

    /** lchown to nobody: root only (as CI runs); false elsewhere, where the test cannot plant a file. */
    private static boolean chownToNobody(Path file) {
        try {
            Files.setAttribute(file, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void assertOneNotice(Path file, String reason) throws Exception {
        LogFiles files = new LogFiles(1 << 20, 3);
        LogBuffer log = log();
        log.writeTo(files.open(file, log::appendNotice));
        log.appendNotice("line 0");
        Poll.until("the notice", () -> noticeCount(log) == 1);
        for (int i = 1; i < 20; i++) {
            log.appendNotice("line " + i);
        }
        assertTrue(files.close(LIMIT));
        assertEquals(1, noticeCount(log));
        List<String> texts =
                log.readFrom(0, 100).lines().stream().map(LogLine::text).toList();
        String notice = texts.stream()
                .filter(t -> t.contains("cannot write"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "hum: cannot write the log file " + file + " (" + reason
                        + "); its lines are still kept here, but no longer written to the file",
                notice);
        assertEquals(21, texts.size(), "every line stays in the log");
    }

    private static long noticeCount(LogBuffer log) {
        return log.readFrom(0, 1000).lines().stream()
                .filter(l -> l.text().contains("cannot write the log file"))
                .count();
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        return fifo;
    }

    private static String readAll(Path fifo) {
        try (InputStream in = Files.newInputStream(fifo)) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
