package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ListeningSocketsTest {

    @Test
    void read_netlinkAndTheProcTablesAgreeOnARealListener() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            List<ListeningSockets.Listener> asked =
                    SockDiag.listeners(new ArrayList<>()).orElseThrow();
            List<ListeningSockets.Listener> tables = ListeningSockets.readTables();
            List<ListeningSockets.Listener> fromNetlink =
                    asked.stream().filter(l -> l.port() == port).toList();
            assertEquals(1, fromNetlink.size(), asked.toString());
            assertEquals(
                    fromNetlink, tables.stream().filter(l -> l.port() == port).toList());
            assertTrue(fromNetlink.get(0).inode() > 0);
        }
    }
}
