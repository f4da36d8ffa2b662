package dev.hum.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A configuration file: where it is, how messages name it, and how to read it as text. */
record ConfigFile(Path path, String display) {
    // Real configurations are a few KiB; a huge file is a mistake (a log, a binary) and not worth memory.
    private static final long MAX_BYTES = 4L << 20;

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

    /** The whole file as UTF-8 text, without a leading byte-order mark. */
    String read() throws ConfigException {
        try {
            if (Files.isDirectory(path)) {
                throw error(0, 0, "cannot read: it is a folder, not a file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw error(0, 0, "cannot read: larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            byte[] bytes = Files.readAllBytes(path);
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

    ConfigException error(Node.Mark mark, String problem) {
        return error(mark.line(), mark.column(), problem);
    }

    ConfigException error(int line, int column, String problem) {
        return new ConfigException(display, line, column, problem);
    }
}
