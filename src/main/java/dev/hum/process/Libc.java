package dev.hum.process;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * libc for hum's JNA interfaces: the symbols of the JVM's own process, where libc is loaded already,
 * rather than a library looked up by name. A look-up by name makes JNA run {@code ldconfig -p} (a
 * fork and an exec, milliseconds before the first frame) and depends on which names the system's
 * libc answers to; the process's own symbols are there on every platform hum runs on.
 */
public final class Libc {

    /** JNA's system search path: when set, JNA does not ask {@code ldconfig} for one. */
    private static final String SEARCH_PATH = "jna.platform.library.path";

    static {
        // No library is looked up by name, so there is nothing to search; a path the user set is kept.
        if (System.getProperty(SEARCH_PATH) == null) {
            System.setProperty(SEARCH_PATH, "");
        }
    }

    private Libc() {}

    /** The interface {@code api} bound to libc's functions of the same names. */
    public static <T extends Library> T load(Class<T> api) {
        return Native.load(api);
    }
}
