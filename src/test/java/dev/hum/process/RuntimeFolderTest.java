package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime folder is used only when it is a real 0700 folder of the current user. */
final class RuntimeFolderTest {

    @TempDir
    Path dir;

    @Test
    void prepare_missingFolderIsMadeWithMode0700() throws Exception {
        Path folder = RuntimeFolder.prepare(dir.resolve("a/b/hum"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void prepare_folderWithMode0777IsRefusedAndLeftAsItIs() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("hum"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        RuntimeFolder.UnsafeException e =
                assertThrows(RuntimeFolder.UnsafeException.class, () -> RuntimeFolder.prepare(folder));
        assertTrue(e.getMessage().contains("has mode 0777"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 700 " + folder), e.getMessage());
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void prepare_ownFolderOthersCouldOnlyReadIsTightenedTo0700() throws Exception {
        Path folder = Files.createDirectory(
                dir.resolve("hum"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        RuntimeFolder.prepare(folder);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void prepare_folderOnlyItsGroupMayWriteIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("hum"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwx---"));
        assertThrows(RuntimeFolder.UnsafeException.class, () -> RuntimeFolder.prepare(folder));
    }

    @Test
    void prepare_symlinkAsTheFolderIsRefusedAndNotFollowed() throws Exception {
        Path target = Files.createDirectory(
                dir.resolve("target"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path link = Files.createSymbolicLink(dir.resolve("hum"), target);
        RuntimeFolder.UnsafeException e =
                assertThrows(RuntimeFolder.UnsafeException.class, () -> RuntimeFolder.prepare(link));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void prepare_fileAsTheFolderIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("hum"), "");
        RuntimeFolder.UnsafeException e =
                assertThrows(RuntimeFolder.UnsafeException.class, () -> RuntimeFolder.prepare(file));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }

    @Test
    void prepare_folderOfAnotherUserIsRefused() throws Exception {
        Assumptions.assumeTrue(Posix.effectiveUid() == 0, "needs root to give a folder to another user");
        Path folder = Files.createDirectory(
                dir.resolve("hum"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setAttribute(folder, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        RuntimeFolder.UnsafeException e =
                assertThrows(RuntimeFolder.UnsafeException.class, () -> RuntimeFolder.prepare(folder));
        assertTrue(e.getMessage().contains("belongs to uid 65534, not to you (uid 0)"), e.getMessage());
    }

    @Test
    void isOwnFile_symlinkToOwnFileIsNot() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("l"), file);
        assertTrue(RuntimeFolder.isOwnFile(file));
        assertFalse(RuntimeFolder.isOwnFile(link));
    }
}
