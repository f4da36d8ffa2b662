/**
 * The {@code hum} command: argument parsing, loading the configuration, and wiring the supervisor to
 * the chosen front end (the dashboard, the headless printer, or the MCP server of {@code hum mcp}). It
 * holds no logic of its own beyond that.
 *
 * <p>Threading: runs on the main thread; a JVM shutdown hook (SIGINT, SIGTERM, SIGHUP) stops every
 * child's tree before hum exits, and never waits on the terminal to do so.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.cli;
