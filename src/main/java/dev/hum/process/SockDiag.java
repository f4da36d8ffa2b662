package dev.hum.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * The listening TCP sockets asked of the kernel over netlink ({@code NETLINK_SOCK_DIAG}), as {@code ss -lt} does.
 * Reading {@code /proc/net/tcp} walks the whole established-connections hash table, milliseconds of system time on
 * a machine with much memory; a dump for LISTEN only reads the listening table.
 */
final class SockDiag {

    private interface CLibrary extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen) throws LastErrorException;

        long recv(int fd, byte[] buf, long len, int flags) throws LastErrorException;

        int close(int fd);
    }

    private static final int AF_NETLINK = 16;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_SOCK_DIAG = 4;
    private static final int SOCK_DIAG_BY_FAMILY = 20;
    private static final int NLM_F_REQUEST = 1;
    private static final int NLM_F_DUMP = 0x300;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_LISTEN = 10;
    private static final int HEADER = 16;
    private static final int REQUEST = HEADER + 56;

    private static final @org.jspecify.annotations.Nullable CLibrary C = load();

    private SockDiag() {}

    private static @org.jspecify.annotations.Nullable CLibrary load() {
        try {
            return Libc.load(CLibrary.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** Adds every listening TCP socket (IPv4 and IPv6) to {@code into}; empty when netlink is not available. */
    static Optional<List<ListeningSockets.Listener>> listeners(List<ListeningSockets.Listener> into) {
        CLibrary c = C;
        if (c == null) {
            return Optional.empty();
        }
        int fd;
        try {
            fd = c.socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        } catch (LastErrorException e) {
            return Optional.empty();
        }
        try {
            byte[] buf = new byte[32 * 1024];
            for (int family : new int[] {AF_INET, AF_INET6}) {
                if (!dump(c, fd, family, buf, into)) {
                    return Optional.empty();
                }
            }
            return Optional.of(into);
        } catch (LastErrorException e) {
            return Optional.empty();
        } finally {
            c.close(fd);
        }
    }

    private static boolean dump(CLibrary c, int fd, int family, byte[] buf, List<ListeningSockets.Listener> into) {
        ByteBuffer req = ByteBuffer.allocate(REQUEST).order(ByteOrder.nativeOrder());
        req.putInt(REQUEST).putShort((short) SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP));
        req.putInt(1).putInt(0);
        req.put((byte) family).put((byte) IPPROTO_TCP).put((byte) 0).put((byte) 0);
        req.putInt(1 << TCP_LISTEN); // the rest, the socket id, stays zero: every socket
        byte[] kernel = ByteBuffer.allocate(12)
                .order(ByteOrder.nativeOrder())
                .putShort((short) AF_NETLINK)
                .array();
        c.sendto(fd, req.array(), REQUEST, 0, kernel, kernel.length);
        while (true) {
            int n = (int) c.recv(fd, buf, buf.length, 0);
            if (n <= 0) {
                return false;
            }
            ByteBuffer in = ByteBuffer.wrap(buf, 0, n).order(ByteOrder.nativeOrder());
            int at = 0;
            while (at + HEADER <= n) {
                int len = in.getInt(at);
                int type = in.getShort(at + 4) & 0xffff;
                if (type == NLMSG_DONE) {
                    return true;
                }
                if (type == NLMSG_ERROR || len < HEADER || at + len > n) {
                    return false;
                }
                int msg = at + HEADER;
                if (len >= HEADER + 72) {
                    int port = ((buf[msg + 4] & 0xff) << 8) | (buf[msg + 5] & 0xff); // big-endian
                    int uid = in.getInt(msg + 64);
                    long inode = in.getInt(msg + 68) & 0xffffffffL;
                    into.add(new ListeningSockets.Listener(port, inode, uid));
                }
                at += (len + 3) & ~3;
            }
        }
    }
}
