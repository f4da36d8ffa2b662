import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.hum.config.ConfigLoader;
import dev.hum.config.ProjectConfig;
import dev.hum.control.ControlServer;
import dev.hum.process.Supervisor;
import dev.hum.tui.DeltaScreen;
import dev.hum.tui.RenderLoop;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Bench-only: hum's dashboard (its RenderLoop, Supervisor and ControlServer, wired as Main wires them) on a
 * Screen wrapped to time every drawn frame, from RenderLoop's doResizeIfNecessary to the end of its refresh.
 * Each drawn frame appends "epoch_ms frame_us" to the file named by -Dprobe.out. Not part of hum.
 *
 * javac -cp target/hum.jar -d bench/e2e/work bench/e2e/FrameProbe.java
 * java -Dprobe.out=frames.txt -cp target/hum.jar:bench/e2e/work FrameProbe hum.yaml   (in a terminal)
 */
public final class FrameProbe {
    public static void main(String[] args) throws Exception {
        ProjectConfig config = ConfigLoader.load(Path.of(args[0]));
        Supervisor supervisor = new Supervisor(config);
        ControlServer bridge = ControlServer.start(supervisor, Path.of(args[0]).toAbsolutePath().getParent(), note -> {});
        // as TerminalSession, plus the flush a cursor position report request needs (see jvm-flags.md)
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 256 * 1024) {
            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                super.write(b, off, len);
                if (len >= 2 && b[off + len - 1] == 'n' && b[off + len - 2] == '6') {
                    flush();
                }
            }
        };
        // DeltaScreen, as TerminalSession makes it (issue 14): hum's own delta refresh
        TerminalScreen real = new DeltaScreen(new DefaultTerminalFactory(
                        out, new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE)
                .createTerminal());
        real.startScreen();
        real.setCursorPosition(null);
        PrintWriter frames = new PrintWriter(System.getProperty("probe.out"), StandardCharsets.UTF_8);
        long[] start = {0};
        int[] count = {0};
        Screen timed = (Screen) Proxy.newProxyInstance(FrameProbe.class.getClassLoader(), new Class<?>[] {Screen.class},
                (proxy, method, margs) -> {
                    String name = method.getName();
                    if (name.equals("doResizeIfNecessary")) {
                        start[0] = System.nanoTime();
                    }
                    Object r;
                    try {
                        r = method.invoke(real, margs);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (name.equals("refresh") && start[0] != 0) {
                        long us = (System.nanoTime() - start[0]) / 1000;
                        frames.println(System.currentTimeMillis() + " " + us);
                        if (++count[0] % 30 == 0) {
                            frames.flush();
                        }
                    }
                    return r;
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.stopAll();
            frames.flush();
            try {
                real.stopScreen();
            } catch (IOException | RuntimeException ignored) {
                // terminal gone
            }
        }));
        supervisor.startWanted(java.util.List.of());
        new RenderLoop(timed, supervisor, "probe", config.settings().fps()).run();
        frames.flush();
        bridge.close();
        supervisor.close();
        real.stopScreen();
        System.exit(0);
    }
}
