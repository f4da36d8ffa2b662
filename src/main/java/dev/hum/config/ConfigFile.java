package dev.hum.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A configuration file: where it is, how messages name it, and how to read it as text. */
record ConfigFile(Path path, String display) {
    // Real configurations are a few KiB; a huge file is a mistake (a log, a binary) and not worth memory.
    static final int MAX_BYTES = 4 << 20;

    // File type bits of st_mode (POSIX <sys/stat.h>), for naming what a special file is.
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /** Names the file as given, or relative to the working folder when that is shorter. */
    static ConfigFile of(Path path) {
        String given = path.toString();
        String display = given;
        try {
            Path here = Path.of("").toAbsolutePath();
            String relative = here.relativize(path.toAbsolutePath().normalize()).toString();
            if (!relative.isEmpty() && relative.length() < given.length()) {
                display = relative;
            }
        } catch (RuntimeException e) {
            // Keep the path as given; the name only affects how messages read.
        }
        return new ConfigFile(path, display);
    }

    /** The folder the file is in, absolute; relative {@code cwd} values start here. */
    Path folder() {
        Path parent = path.toAbsolutePath().normalize().getParent();
        return parent == null ? path.toAbsolutePath().getRoot() : parent;
    }

    /**
     * The whole file as UTF-8 text, without a leading byte-order mark. Anything but a regular file of
     * at most {@link #MAX_BYTES} is refused before it is opened: opening a FIFO would block until a
     * writer came, and {@code /dev/zero} never ends.
     */
    String read() throws ConfigException {
        checkIsSmallRegularFile();
        try {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                // Bounded even so: /proc files report size 0, and a file can grow after the check.
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw error(
                        0, 0, "cannot read: more than " + (MAX_BYTES >> 20) + " MiB, too large for a configuration");
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw error(0, 0, "cannot read: not valid UTF-8");
        } catch (NoSuchFileException e) {
            throw error(0, 0, "cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw error(0, 0, "cannot read: permission denied");
        } catch (IOException | RuntimeException e) {
            throw error(0, 0, "cannot read: " + e.getMessage());
        }
    }

    // stat, not open: it never blocks, whatever the path names.
    private void checkIsSmallRegularFile() throws ConfigException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw error(
                    0,
                    0,
                    "cannot read: "
                            + (Files.isSymbolicLink(path) ? linkTo() + " that does not exist" : "no such file"));
        } catch (IOException | RuntimeException e) {
            throw error(0, 0, "cannot read: " + e.getMessage());
        }
        String through = Files.isSymbolicLink(path) ? linkTo() + ", " : "";
        if (attributes.isDirectory()) {
            throw error(0, 0, "cannot read: it is " + through + "a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw error(0, 0, "cannot read: it is " + through + specialKind() + ", not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw error(
                    0,
                    0,
                    "cannot read: it is " + through + attributes.size() + " bytes, more than the " + (MAX_BYTES >> 20)
                            + " MiB a configuration may be");
        }
    }

    private String linkTo() {
        try {
            return "a link to " + Files.readSymbolicLink(path);
        } catch (IOException | RuntimeException e) {
            return "a link";
        }
    }

    /** What a non-regular, non-folder file is, from the file type bits of its mode where the JDK gives them. */
    private String specialKind() {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & S_IFMT) {
                case S_IFIFO -> "a named pipe (FIFO)";
                case S_IFCHR -> "a character device";
                case S_IFBLK -> "a block device";
                case S_IFSOCK -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file";
        }
    }

    /** A {@code file:line:column: } message about something the load went past; see ProjectConfig#notices. */
    String notice(Node.Mark mark, String text) {
        return ConfigException.format(display, mark.line(), mark.column(), text);
    }

    ConfigException error(Node.Mark mark, String problem) {
        return error(mark.line(), mark.column(), problem);
    }

    ConfigException error(int line, int column, String problem) {
        return new ConfigException(display, line, column, problem);
    }
}
