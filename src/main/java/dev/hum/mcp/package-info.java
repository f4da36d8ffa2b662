/**
 * {@code hum mcp}: a Model Context Protocol server on stdio, built on the official MCP Java SDK, whose
 * tools (Brummer's names: {@code scripts_list}, {@code scripts_run}, {@code scripts_stop}, {@code
 * scripts_restart}, {@code scripts_status}, {@code logs_stream}, {@code logs_search}) act on a {@link
 * dev.hum.control.ProcessControl}: a running dashboard's when there is one, else hum's own supervisor.
 *
 * <p>Called by {@code dev.hum.cli.Main} for {@code hum mcp}. Stdout carries protocol only; every
 * diagnostic goes to stderr. Lines the SDK cannot take (malformed JSON, params it cannot bind) are
 * answered with a JSON-RPC error before it sees them, so no Java exception text reaches the client.
 *
 * <p>Threading: the SDK reads stdin and writes stdout on its own threads and calls the tool handlers
 * on them; handlers only read lock-free snapshots or wait (boundedly) for a supervisor action, so the
 * dashboard's render loop is never involved. The command's own thread waits for stdin to end.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.mcp;
