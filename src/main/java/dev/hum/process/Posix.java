package dev.hum.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Structure;

/** The few POSIX calls hum needs, through JNA: signals, process groups, tty checks. */
public final class Posix {

    /** Signal numbers hum sends itself (Linux numbering). */
    public static final int SIGKILL = 9;

    /** Signal 0: checks that a process or group exists without touching it. */
    static final int PROBE = 0;

    private interface CLibrary extends Library {
        int kill(int pid, int sig) throws LastErrorException;

        int isatty(int fd);

        int getpgrp();

        int getsid(int pid);

        int geteuid();

        int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

        int waitpid(int pid, int[] status, int options);

        int setpriority(int which, int who, int prio) throws LastErrorException;

        int poll(PollFd fds, int nfds, int timeout);

        int getpagesize();
    }

    /** {@code struct pollfd}; public only because JNA reads its fields by reflection. */
    @Structure.FieldOrder({"fd", "events", "revents"})
    public static final class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }

    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final int WNOHANG = 1;
    private static final int PRIO_PROCESS = 0;
    private static final int POLLERR = 0x008;

    private static final CLibrary C = Libc.load(CLibrary.class);

    private Posix() {}

    /** The size of a memory page, in bytes: {@code /proc} counts resident memory in pages. */
    static long pageSize() {
        return C.getpagesize();
    }

    /**
     * Sends {@code signal} to every process in group {@code pgid}. Returns false when the group is
     * already empty (ESRCH); any other failure (such as EPERM) is also false, since there is nothing
     * more hum may do to it.
     */
    public static boolean signalGroup(long pgid, int signal) {
        if (pgid <= 1 || pgid == C.getpgrp()) {
            throw new IllegalArgumentException("refusing to signal process group " + pgid);
        }
        return send(-(int) pgid, signal);
    }

    /** Sends {@code signal} to one process; false when it no longer exists. */
    public static boolean signalProcess(long pid, int signal) {
        if (pid <= 1) {
            throw new IllegalArgumentException("refusing to signal pid " + pid);
        }
        return send((int) pid, signal);
    }

    /** True while at least one process (possibly a zombie) is in group {@code pgid}. */
    public static boolean groupExists(long pgid) {
        return pgid > 1 && signalGroup(pgid, PROBE);
    }

    /** True when the file descriptor is a terminal. */
    public static boolean isatty(int fd) {
        return C.isatty(fd) == 1;
    }

    /**
     * True when {@code fd} is the writing end of a pipe (or socket) whose reader has gone, as after
     * {@code hum --headless | head -2}: a write would fail with EPIPE. Asks without writing, so that it
     * is seen even while nothing is printed. False for terminals and files, and where it cannot be told.
     */
    public static boolean readerGone(int fd) {
        try {
            PollFd poll = new PollFd();
            poll.fd = fd;
            // POLLERR is reported whatever is asked for; asking for nothing never blocks on a full pipe.
            return C.poll(poll, 1, 0) == 1 && (poll.revents & POLLERR) != 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The process group this JVM belongs to; hum never signals it. */
    public static long ownProcessGroup() {
        return C.getpgrp();
    }

    /** The session this JVM belongs to. */
    public static long ownSession() {
        return C.getsid(0);
    }

    /**
     * Makes this JVM a child subreaper (Linux): a descendant whose parent dies is re-parented to hum
     * instead of to init, so it stays in hum's view and its exit is hum's to collect.
     *
     * @return false where the call is not supported
     */
    public static boolean becomeSubreaper() {
        try {
            return C.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    /**
     * Gives the calling thread a nicer scheduling priority (Linux schedules threads one by one, and
     * Java's own thread priorities are ignored there). Returns false where that is not possible.
     */
    static boolean niceCurrentThread(int nice) {
        try {
            // /proc/thread-self points at /proc/PID/task/TID: the kernel's id of this thread.
            String self = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString();
            return C.setpriority(PRIO_PROCESS, Integer.parseInt(self), nice) == 0;
        } catch (java.io.IOException | RuntimeException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** Collects the exit of child {@code pid} if it has ended; never blocks. */
    static boolean reap(long pid) {
        return C.waitpid((int) pid, new int[1], WNOHANG) == pid;
    }

    /** The user this JVM acts as: the owner that hum's runtime folder and journals must have. */
    public static int effectiveUid() {
        return C.geteuid();
    }

    private static boolean send(int target, int signal) {
        try {
            return C.kill(target, signal) == 0;
        } catch (LastErrorException e) {
            // ESRCH: gone already. EPERM: the pid now belongs to someone else; leave it alone.
            return false;
        }
    }
}
