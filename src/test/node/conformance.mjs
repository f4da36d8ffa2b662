// Drives `java -jar hum.jar mcp` with the official MCP TypeScript SDK client over stdio.
// Usage: node conformance.mjs JAR PROJECT_FOLDER alone|bridged
// Prints one JSON line {"ok":true,"pid":N} on success; exits 1 with the reason otherwise.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { writeFileSync } from "node:fs";

const [jar, project, mode] = process.argv.slice(2);

function check(condition, what) {
  if (!condition) throw new Error("conformance: " + what);
}
const text = (result) => result.content.map((c) => c.text).join("\n");

async function call(client, name, args = {}) {
  return client.callTool({ name, arguments: args });
}

async function until(what, probe) {
  const deadline = Date.now() + 15000;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error("conformance: timed out waiting for " + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const transport = new StdioClientTransport({
  command: "java",
  args: ["-jar", jar, "mcp"],
  cwd: project,
  env: { ...process.env },
  stderr: "inherit",
});
const client = new Client({ name: "hum-conformance", version: "1.0.0" });
const protocolErrors = [];
client.onerror = (e) => protocolErrors.push(String(e.message ?? e));
await client.connect(transport);

check(client.getServerVersion().name === "hum", "server name");
const tools = (await client.listTools()).tools.map((t) => t.name).sort();
check(
  JSON.stringify(tools) ===
    JSON.stringify([
      "logs_search",
      "logs_stream",
      "scripts_list",
      "scripts_restart",
      "scripts_run",
      "scripts_status",
      "scripts_stop",
      "send_input",
      "wait_for",
    ]),
  "tool names: " + tools,
);

const list = await call(client, "scripts_list");
check(!list.isError && list.structuredContent.processes.some((p) => p.name === "web"), "scripts_list: " + text(list));

const run = await call(client, "scripts_run", { name: "web" });
check(!run.isError, "scripts_run: " + text(run));
// The line itself, not hum's start notice, which quotes the command and so contains the same words.
await until("web's output", async () =>
  (await call(client, "logs_stream", { name: "web" })).structuredContent.lines.some((l) => l.text === "listening on 3000"),
);

const page = await call(client, "logs_stream", { name: "web", cursor: 0, limit: 2 });
check(page.structuredContent.lines.length === 2 && page.structuredContent.next_cursor === 2, "logs_stream page: " + text(page));

const found = await call(client, "logs_search", { query: "^listening on \\d+$", regex: true });
check(found.structuredContent.matches.length === 1, "logs_search: " + text(found));

const restart = await call(client, "scripts_restart", { name: "web" });
check(!restart.isError, "scripts_restart: " + text(restart));
const status = await call(client, "scripts_status", { name: "web" });
const web = status.structuredContent.processes[0];
check(web.status === "RUNNING" && web.restarts === 1 && web.pid > 0, "scripts_status: " + text(status));

const stop = await call(client, "scripts_stop", { name: "web" });
check(!stop.isError && text(stop).startsWith("web stopped"), "scripts_stop: " + text(stop));

const bad = await call(client, "scripts_run", { name: "no-such-process" });
check(bad.isError === true && text(bad).includes("known:"), "unknown process is an isError result: " + text(bad));

let unknownToolFailed = false;
try {
  const r = await call(client, "scripts_explode");
  unknownToolFailed = r.isError === true;
} catch (e) {
  unknownToolFailed = true;
}
check(unknownToolFailed, "unknown tool is an error");

// wait_for: ready once a real server has started; its port accepts connections.
check(!(await call(client, "scripts_run", { name: "http" })).isError, "scripts_run http");
const ready = await call(client, "wait_for", { name: "http", until: "ready" });
check(!ready.isError && ready.structuredContent.outcome === "met", "wait_for ready: " + text(ready));
const port = await call(client, "wait_for", { name: "http", until: "port", port: Number(process.env.HTTP_PORT) });
check(!port.isError && port.structuredContent.process.status === "RUNNING", "wait_for port: " + text(port));

// scripts_status gives the ports the server's process tree listens on, sampled about once a second.
const httpPort = Number(process.env.HTTP_PORT);
let ports = [];
for (let i = 0; i < 100 && !ports.includes(httpPort); i++) {
  const status = await call(client, "scripts_status", { name: "http" });
  ports = status.structuredContent.processes[0].ports ?? [];
  if (!ports.includes(httpPort)) await new Promise((resolve) => setTimeout(resolve, 100));
}
check(ports.includes(httpPort), "scripts_status ports of the real server: " + JSON.stringify(ports));

// A line printed after the call began, with progress notifications while it waits; the line comes once the
// first progress notification has shown that the wait is under way.
check(!(await call(client, "scripts_run", { name: "slow" })).isError, "scripts_run slow");
const progress = [];
const matched = await client.callTool(
  { name: "wait_for", arguments: { name: "slow", until: "log", pattern: "ready at http://\\S+", timeout: 60 } },
  CallToolResultSchema,
  {
    timeout: 90000,
    onprogress: (p) => {
      progress.push(p);
      if (progress.length === 1) writeFileSync(process.env.GO_FILE, "");
    },
  },
);
check(!matched.isError, "wait_for log: " + text(matched));
check(matched.structuredContent.line.text === "server ready at http://localhost:1/", "matched line: " + text(matched));
check(matched.structuredContent.next_cursor === matched.structuredContent.line.seq + 1, "next_cursor: " + text(matched));
check(matched.structuredContent.before.some((l) => l.text === "compiling"), "lines before: " + text(matched));
check(progress.length >= 1 && progress[0].total === 60, "progress notifications: " + JSON.stringify(progress));

// A timeout is an isError result that says so.
const late = await call(client, "wait_for", { name: "http", until: "log", text: "never printed", timeout: 1 });
check(late.isError === true && late.structuredContent.outcome === "timeout", "wait_for timeout: " + text(late));

// An exit before the match is an isError result with the tail, stderr marked.
check(!(await call(client, "scripts_run", { name: "crash" })).isError, "scripts_run crash");
const crashed = await call(client, "wait_for", { name: "crash", until: "log", text: "listening", timeout: 60 });
check(crashed.isError === true && crashed.structuredContent.outcome === "ended", "wait_for exit first: " + text(crashed));
check(text(crashed).includes("! Error: EADDRINUSE") && text(crashed).includes("FAILED 1"), "the tail: " + text(crashed));

// A cancellation ends the wait: hum answers the cancelled call at once (the client reports that answer as one
// for an unknown request), long before its ten minutes.
const abort = new AbortController();
let aborted = false;
const cancelled = client
  .callTool({ name: "wait_for", arguments: { name: "slow", until: "exit", timeout: 600 } }, CallToolResultSchema, {
    signal: abort.signal,
    timeout: 900000,
    onprogress: () => abort.abort("enough"),
  })
  .catch(() => (aborted = true));
await cancelled;
check(aborted, "the cancelled call rejects in the client");
await until("hum to end the cancelled wait", async () =>
  protocolErrors.some((e) => e.includes("unknown message ID") && e.includes("cancelled")),
);

// Leave web running so the caller can see what happens to it when the client goes away.
const again = await call(client, "scripts_run", { name: "web" });
check(!again.isError, "scripts_run again: " + text(again));
const pid = (await call(client, "scripts_status", { name: "web" })).structuredContent.processes[0].pid;

await client.close();
console.log(JSON.stringify({ ok: true, mode, pid }));
