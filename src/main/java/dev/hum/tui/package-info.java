/**
 * The dashboard: a Lanterna render loop drawing the process list, the selected process's log and a
 * status bar from the state snapshots and log buffers, and the keys that drive the supervisor.
 *
 * <p>Threading: one thread, the render loop, owns the {@link com.googlecode.lanterna.screen.Screen}
 * and every piece of UI state ({@link dev.hum.tui.Dashboard} and what it holds); a second thread
 * only reads keys from the terminal and hands them over through a queue. Process state and logs are
 * read without locks; the dashboard changes processes only by asking the {@link
 * dev.hum.process.Supervisor}, whose actions return at once. Searches of the log pane run on one
 * worker thread of their own ({@link dev.hum.tui.LogPane}), so a deep scrollback never stalls a frame
 * or {@code q}; the render thread takes their results. A copy runs on a worker of its own ({@link
 * dev.hum.tui.Clipboard}): it reads the selected lines, queues the OSC 52 sequence for the next frame and runs the
 * desktop's clipboard program with a timeout. The filter's scan ({@link
 * dev.hum.tui.FilterScan}) runs on the search worker in bounded steps and publishes its matches as snapshots the
 * render thread reads. {@link dev.hum.tui.TerminalSession}
 * owns the real terminal (its modes, the alternate screen) and a gate that every frame passes: its
 * restore, which a shutdown hook may call from any thread at any moment, waits for the frame in
 * flight and closes the gate for good, so nothing is drawn after it.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.tui;
