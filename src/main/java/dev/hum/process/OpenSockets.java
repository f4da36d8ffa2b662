package dev.hum.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The sockets a process holds open, read from the links in {@code /proc/PID/fd}. */
final class OpenSockets {

    private static final Path PROC = Path.of("/proc");
    private static final String PREFIX = "socket:[";

    private OpenSockets() {}

    /**
     * Adds the inode of every socket {@code pid} holds to {@code into}. A process that is gone, or not ours to
     * read, adds nothing.
     */
    static void addInodes(long pid, Set<Long> into) {
        try (DirectoryStream<Path> fds =
                Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("fd"))) {
            for (Path fd : fds) {
                long inode = socketInode(fd);
                if (inode >= 0) {
                    into.add(inode);
                }
            }
        } catch (IOException | SecurityException e) {
            // gone, or another user's
        }
    }

    /** The pids (of those hum may read) that hold one of {@code inodes} open; looks through all of /proc. */
    static List<Long> holders(Set<Long> inodes) {
        List<Long> found = new ArrayList<>();
        if (inodes.isEmpty()) {
            return found;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path p : dir) {
                long pid;
                try {
                    pid = Long.parseLong(p.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(p.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (inodes.contains(socketInode(fd))) {
                            found.add(pid);
                            break;
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // gone, or another user's
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return found;
    }

    /** The inode a {@code socket:[N]} link names, or -1 for any other file. */
    private static long socketInode(Path fd) {
        String target;
        try {
            target = Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return -1;
        }
        if (!target.startsWith(PREFIX) || !target.endsWith("]")) {
            return -1;
        }
        try {
            return Long.parseLong(target, PREFIX.length(), target.length() - 1, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
