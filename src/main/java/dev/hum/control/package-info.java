/**
 * The bridge between a running dashboard and {@code hum mcp}: one {@link dev.hum.control.ProcessControl}
 * interface with a local implementation over a {@link dev.hum.process.Supervisor} and a remote one
 * that talks to a dashboard's {@link dev.hum.control.ControlServer} over a Unix domain socket.
 *
 * <p>The dashboard calls {@link dev.hum.control.ControlServer#start} once; {@code hum mcp} calls
 * {@link dev.hum.control.ControlClient#find}. The wire format is one JSON object per line each way;
 * log reads stop at {@link dev.hum.control.ProcessControl#MAX_ANSWER_BYTES} of text in either mode, so
 * an answer always fits in a line and an agent gets the same page bridged or not.
 * The socket lives in a folder only its user can enter (0700) and is itself 0600; nothing listens on
 * TCP.
 *
 * <p>Threading: the server accepts on one daemon thread and serves each connection on its own daemon
 * thread, so a slow stop never holds up a status request. Status and log reads go to the lock-free
 * state cells and log buffers; nothing here runs on, or waits for, the render loop.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.control;
