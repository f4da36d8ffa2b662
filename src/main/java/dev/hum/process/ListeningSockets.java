package dev.hum.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The TCP sockets in LISTEN state in this network namespace, read from {@code /proc/net/tcp} and {@code tcp6}. */
final class ListeningSockets {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";

    /**
     * One listening socket.
     *
     * @param port the local port
     * @param inode the socket's inode, as {@code /proc/PID/fd/N -> socket:[inode]} names it
     * @param uid the owner's user id
     */
    record Listener(int port, long inode, int uid) {}

    private ListeningSockets() {}

    /**
     * Every listening socket now: asked of the kernel over netlink, or where that is refused, read from the tables
     * (a table that cannot be read, no /proc or no IPv6, adds nothing).
     */
    static List<Listener> read() {
        Optional<List<Listener>> asked = SockDiag.listeners(new ArrayList<>());
        if (asked.isPresent()) {
            return asked.get();
        }
        return readTables();
    }

    /** Every listening socket, from {@code /proc/net/tcp} and {@code tcp6}. */
    static List<Listener> readTables() {
        List<Listener> found = new ArrayList<>();
        for (Path table : TABLES) {
            String text;
            try {
                text = new String(Files.readAllBytes(table), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                continue;
            }
            parse(text, found);
        }
        return found;
    }

    /**
     * Adds the LISTEN rows of one table to {@code into}. A row: {@code sl local_address rem_address st tx:rx tr:when
     * retrnsmt uid timeout inode ...}, the local address as hex {@code ADDR:PORT}.
     */
    static void parse(String table, List<Listener> into) {
        int lineStart = table.indexOf('\n') + 1; // the header
        while (lineStart > 0 && lineStart < table.length()) {
            int lineEnd = table.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = table.length();
            }
            String[] f = table.substring(lineStart, lineEnd).trim().split("\\s+");
            lineStart = lineEnd + 1;
            if (f.length < 10 || !f[3].equals(LISTEN)) {
                continue;
            }
            int colon = f[1].lastIndexOf(':');
            try {
                into.add(new Listener(
                        Integer.parseInt(f[1].substring(colon + 1), 16), Long.parseLong(f[9]), Integer.parseInt(f[7])));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // a row this kernel writes differently: left out
            }
        }
    }
}
