package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class PortInUseTest {

    private static void port(int expected, String line) {
        assertEquals(Optional.of(OptionalInt.of(expected)), PortInUse.match(line), line);
    }

    private static void noPort(String line) {
        assertEquals(Optional.of(OptionalInt.empty()), PortInUse.match(line), line);
    }

    @Test
    void match_thePhrasingsOfCommonServers() {
        port(3000, "Error: listen EADDRINUSE: address already in use :::3000"); // node, Next.js
        port(3001, "Error: listen EADDRINUSE: address already in use 127.0.0.1:3001");
        port(5173, "Port 5173 is in use, trying another one..."); // Vite
        port(5174, "error when starting dev server: Error: Port 5174 is already in use"); // Vite strictPort
        port(8080, "2024/01/01 listen tcp :8080: bind: address already in use"); // Go
        port(8081, "listen tcp 127.0.0.1:8081: bind: address already in use");
        port(8082, "Web server failed to start. Port 8082 was already in use."); // Spring Boot
        port(3002, "Address already in use - bind(2) for \"127.0.0.1\" port 3002 (Errno::EADDRINUSE)"); // Puma
        port(8000, "[Errno 98] error while attempting to bind on address ('127.0.0.1', 8000): address already in use");
        port(5000, "Port 5000 is in use by another program."); // Flask
        port(4000, "** (RuntimeError) failed to start: Running on http://localhost:4000 (eaddrinuse)"); // Phoenix
        noPort("OSError: [Errno 98] Address already in use"); // Python http.server
        noPort("java.net.BindException: Address already in use"); // Java
        noPort("Error: That port is already in use."); // Django
        noPort("error: AddrInUse: Address already in use (os error 98)"); // Deno, Rust
        // a time is not a port
        noPort("12:30:45 java.net.BindException: Address already in use");
        noPort("[2026-11-29 12:30:45] ERROR address already in use");
        port(9090, "java.net.BindException: Address already in use: bind 0.0.0.0:9090");
    }

    @Test
    void match_ordinaryLinesAreNotConflicts() {
        for (String line : List.of(
                "listening on http://localhost:3000/", "the cache is in use by 3 workers", "port 3000 ready", "")) {
            assertEquals(Optional.empty(), PortInUse.match(line), line);
        }
    }

    @Test
    void find_localUrlsWithoutTrailingPunctuation() {
        assertEquals(List.of("http://localhost:5173/"), UrlFinder.find("  \u279c  Local:   http://localhost:5173/"));
        assertEquals(
                List.of("http://127.0.0.1:8000/"),
                UrlFinder.find("Serving HTTP on 127.0.0.1 port 8000 (http://127.0.0.1:8000/) ..."));
        assertEquals(
                List.of("https://0.0.0.0:443/app", "http://[::1]:3000"),
                UrlFinder.find("at https://0.0.0.0:443/app, or http://[::1]:3000."));
        assertEquals(List.of(), UrlFinder.find("docs at https://example.com:8080/"));
    }

    @Test
    void parse_listenRowsOfProcNetTcp() {
        String table = String.join(
                "\n",
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0",
                "   1: 0100007F:1F91 0100007F:A000 01 00000000:00000000 00:00000000 00000000  1000        0 4243 1 0",
                "");
        List<ListeningSockets.Listener> found = new java.util.ArrayList<>();
        ListeningSockets.parse(table, found);
        assertEquals(List.of(new ListeningSockets.Listener(8080, 4242, 1000)), found);
    }
}
