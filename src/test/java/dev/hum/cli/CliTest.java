package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.control.SocketPath;
import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command, in its own JVM, on real project folders. */
final class CliTest {

    @TempDir
    Path dir;

    private static String token() {
        return "humcli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void headless_humYamlPrintsPaddedNamesAndExitsWithWorstCode() throws Exception {
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  a:\n    cmd: echo alpha\n  longer:\n    cmd: echo beta; exit 3\n");
        HumProcess hum = HumProcess.start(dir, Map.of("NO_COLOR", "1"), "--headless");
        assertEquals(3, hum.waitForExit(), hum.stderrText());
        String out = hum.stdoutText();
        assertTrue(out.contains("a      | alpha\n"), out);
        assertTrue(out.contains("longer | beta\n"), out);
        assertTrue(out.contains("longer | hum: exited with code 3\n"), out);
        assertFalse(out.contains("\033["), "no colour when stdout is not a terminal");
    }

    @Test
    void headless_procfileWithDotEnvRunsEveryProcess() throws Exception {
        Files.writeString(dir.resolve("Procfile"), "web: echo \"web on $PORT\"\nworker: echo working\n");
        Files.writeString(dir.resolve(".env"), "PORT=4000\n");
        HumProcess hum = HumProcess.start(dir, Map.of(), "--headless");
        assertEquals(0, hum.waitForExit(), hum.stderrText());
        assertTrue(hum.stdoutText().contains("web    | web on 4000\n"), hum.stdoutText());
        assertTrue(hum.stdoutText().contains("worker | working\n"), hum.stdoutText());
    }

    @Test
    void headless_packageJsonScriptRunsOnlyWhenNamed() throws Exception {
        // A fake package manager on PATH stands in for npm, so the test needs no network.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\necho \"npm $*\"\n");
        assertTrue(npm.toFile().setExecutable(true));
        Files.writeString(dir.resolve("package.json"), "{\"scripts\": {\"dev\": \"vite\", \"test\": \"vitest\"}}\n");
        String path = bin + ":" + System.getenv("PATH");
        HumProcess named = HumProcess.start(dir, Map.of("PATH", path), "--headless", "test");
        assertEquals(0, named.waitForExit(), named.stderrText());
        assertTrue(named.stdoutText().contains("test | npm run test\n"), named.stdoutText());
        assertFalse(named.stdoutText().contains("npm run dev"), named.stdoutText());

        HumProcess unnamed = HumProcess.start(dir, Map.of("PATH", path), "--headless");
        assertEquals(2, unnamed.waitForExit());
        assertTrue(unnamed.stderrText().contains("nothing to start"), unnamed.stderrText());
    }

    @Test
    void config_errorNamesFileLineAndColumnAndExits2() throws Exception {
        Files.writeString(dir.resolve("hum.yaml"), "processes:\n  web:\n    cmdd: echo hi\n");
        HumProcess hum = HumProcess.start(dir, Map.of(), "--headless");
        assertEquals(2, hum.waitForExit());
        assertEquals(
                "hum.yaml:3:5: unknown key 'cmdd' under processes.web; did you mean 'cmd'?",
                hum.stderrText().strip());
        assertEquals("", hum.stdoutText());
    }

    @Test
    void arguments_unknownNameAndOptionAreUsageErrors() throws Exception {
        Files.writeString(dir.resolve("hum.yaml"), "processes:\n  web:\n    cmd: echo hi\n");
        HumProcess name = HumProcess.start(dir, Map.of(), "--headless", "api");
        assertEquals(2, name.waitForExit());
        assertTrue(name.stderrText().contains("no process named 'api'"), name.stderrText());
        assertTrue(name.stderrText().contains("known: web"), name.stderrText());
        HumProcess option = HumProcess.start(dir, Map.of(), "--frobnicate");
        assertEquals(2, option.waitForExit());
        assertTrue(option.stderrText().contains("unknown option --frobnicate"), option.stderrText());
    }

    @Test
    void dashboard_withoutAUsableTerminalSaysSoAndSuggestsHeadless() throws Exception {
        Files.writeString(dir.resolve("hum.yaml"), "processes:\n  web:\n    cmd: echo hi\n");
        HumProcess dumb = HumProcess.start(dir, Map.of("TERM", "dumb"));
        assertEquals(2, dumb.waitForExit());
        assertEquals(
                "hum: the dashboard needs a terminal (TERM is 'dumb'); use hum --headless",
                dumb.stderrText().strip());
        HumProcess piped = HumProcess.start(dir, Map.of("TERM", "xterm-256color"));
        assertEquals(2, piped.waitForExit());
        assertTrue(piped.stderrText().contains("standard input and output must be a terminal"), piped.stderrText());
    }

    @Test
    void versionAndHelp_printAndExit0() throws Exception {
        HumProcess version = HumProcess.start(dir, Map.of(), "--version");
        assertEquals(0, version.waitForExit());
        assertTrue(version.stdoutText().startsWith("hum "), version.stdoutText());
        HumProcess help = HumProcess.start(dir, Map.of(), "--help");
        assertEquals(0, help.waitForExit());
        assertTrue(help.stdoutText().contains("usage: hum"), help.stdoutText());
    }

    @Test
    void signals_termIntAndHupStopEveryChildTree() throws Exception {
        for (String signal : List.of("TERM", "INT", "HUP")) {
            String token = token();
            Files.writeString(
                    dir.resolve("hum.yaml"),
                    "processes:\n"
                            + "  server:\n    cmd: sh -c 'sleep 300' & sleep 300\n    env: {HUM_TEST_TOKEN: " + token
                            + "}\n"
                            + "  stubborn:\n    cmd: trap '' TERM; echo ready; sleep 300\n    stop_timeout: 500ms\n"
                            + "    env: {HUM_TEST_TOKEN: " + token + "}\n");
            HumProcess hum = HumProcess.start(dir, Map.of(), "--headless");
            awaitOutput(hum, "stubborn | ready");
            long humPid = hum.process.pid();
            new ProcessBuilder("kill", "-" + signal, Long.toString(humPid))
                    .start()
                    .waitFor();
            int status = hum.waitForExit();
            assertTrue(status == 128 + signalNumber(signal), signal + " gave exit " + status);
            assertEquals(List.of(), TokenScan.find(token), "left behind after SIG" + signal);
            assertTrue(hum.stdoutText().contains("stubborn | hum: did not stop within 500ms"), hum.stdoutText());
        }
    }

    @Test
    void journal_humKilledWithSigkillLeavesProcessesTheNextHumStops() throws Exception {
        String token = token();
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  server:\n    cmd: echo up; sleep 300\n    env: {HUM_TEST_TOKEN: " + token + "}\n");
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString());
        HumProcess first = HumProcess.start(dir, env, "--headless");
        awaitOutput(first, "server | up");
        first.process.destroyForcibly(); // SIGKILL: no hook runs, the children stay
        first.waitForExit();
        assertFalse(TokenScan.find(token).isEmpty(), "a SIGKILLed hum leaves its children running");

        Files.writeString(dir.resolve("hum.yaml"), "processes:\n  quick:\n    cmd: echo done\n");
        HumProcess second = HumProcess.start(dir, env, "--headless");
        assertEquals(0, second.waitForExit(), second.stderrText());
        // Said in the output, as a line of the log it lands in (server is gone from the configuration).
        assertTrue(
                Pattern.compile("quick \\| hum: stopped \\d+ process\\(es\\) of 'server' left running by hum \\(pid "
                                + first.process.pid() + "\\) that was killed\n")
                        .matcher(second.stdoutText())
                        .find(),
                second.stdoutText());
        assertEquals(List.of(), TokenScan.find(token), "the next hum stopped them");
        try (var files = Files.list(runtime.resolve("hum"))) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".journal")).count(), "journal removed on exit");
        }
    }

    @Test
    void journal_twoHumsInOneFolderKeepTheirOwnRecords() throws Exception {
        String killedToken = token();
        String livingToken = token();
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString());
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  server:\n    cmd: echo up; sleep 300\n    env: {HUM_TEST_TOKEN: " + killedToken + "}\n");
        HumProcess killed = HumProcess.start(dir, env, "--headless");
        awaitOutput(killed, "server | up");
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  server:\n    cmd: echo up; sleep 300\n    env: {HUM_TEST_TOKEN: " + livingToken + "}\n");
        HumProcess living = HumProcess.start(dir, env, "--headless");
        try {
            awaitOutput(living, "server | up");
            killed.process.destroyForcibly(); // its record must have survived the second hum's start
            killed.waitForExit();

            Files.writeString(dir.resolve("hum.yaml"), "processes:\n  quick:\n    cmd: echo done\n");
            HumProcess third = HumProcess.start(dir, env, "--headless");
            assertEquals(0, third.waitForExit(), third.stderrText());
            assertTrue(
                    third.stdoutText().contains("left running by hum (pid " + killed.process.pid() + ")"),
                    third.stdoutText());
            assertFalse(third.stdoutText().contains("(pid " + living.process.pid() + ")"), third.stdoutText());
            assertEquals(List.of(), TokenScan.find(killedToken), "the killed hum's processes are stopped");
            assertFalse(TokenScan.find(livingToken).isEmpty(), "the living hum's processes are not touched");
            assertFalse(living.process.waitFor(0, TimeUnit.SECONDS), "the living hum runs on");
        } finally {
            living.process.destroy();
            living.waitForExit();
        }
        assertEquals(List.of(), TokenScan.find(livingToken), "the living hum stopped its own on SIGTERM");
        try (var files = Files.list(runtime.resolve("hum"))) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".journal")).count(), "every journal removed");
        }
    }

    @Test
    void mcp_killedWithSigkillLeavesProcessesTheNextMcpStops() throws Exception {
        String token = token();
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString());
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  server:\n    cmd: echo up; sleep 300\n    env: {HUM_TEST_TOKEN: " + token + "}\n");
        HumProcess first = HumProcess.startWithInput(dir, env, "mcp");
        try {
            first.input("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
            first.input("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            first.input("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"scripts_run\","
                    + "\"arguments\":{\"name\":\"server\"}}}");
            Poll.until("scripts_run to answer", () -> first.stdoutText().contains("\"id\":2"));
            Poll.until("the server to run", () -> !TokenScan.find(token).isEmpty());
            first.process.destroyForcibly(); // SIGKILL: no hook runs, the children stay
            first.waitForExit();
            assertFalse(TokenScan.find(token).isEmpty(), "a SIGKILLed hum mcp leaves its children running");

            HumProcess second = HumProcess.start(dir, env, "mcp"); // stdin at its end: it cleans up and leaves
            assertEquals(0, second.waitForExit(), second.stderrText());
            assertEquals(List.of(), TokenScan.find(token), "the next hum mcp stopped them");
            try (var files = Files.list(runtime.resolve("hum"))) {
                assertEquals(
                        0, files.filter(f -> f.toString().endsWith(".journal")).count(), "every journal removed");
            }
        } finally {
            TokenScan.find(token).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void runtimeFolder_plantedByAnotherUserIsRefusedBeforeItsJournalIsRead() throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Path folder = Files.createDirectory(runtime.resolve("hum"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        if (isRoot()) {
            Files.setAttribute(folder, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS); // as another user makes it
        }
        Process victim = groupLeader();
        try {
            // A journal of a "killed hum" that names a process group of ours that hum never started.
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            String session = gone.pid() + "-1";
            String base =
                    SocketPath.forProject(folder, dir).getFileName().toString().replace(".sock", "");
            Files.writeString(
                    folder.resolve(base + "." + session + ".journal"),
                    "hum-journal 1\nsession " + session + "\ngroup " + victim.pid() + "\n");
            Files.writeString(dir.resolve("hum.yaml"), "processes:\n  quick:\n    cmd: echo done\n");
            Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString());

            for (String[] args : List.of(new String[] {"--headless"}, new String[] {"mcp"})) {
                HumProcess hum = HumProcess.start(dir, env, args);
                assertEquals(2, hum.waitForExit(), hum.stderrText());
                String err = hum.stderrText().strip();
                assertTrue(err.startsWith("hum") && err.contains(folder + " (hum's runtime folder)"), err);
                assertTrue(err.contains(isRoot() ? "belongs to uid 65534" : "has mode 0777"), err);
                assertEquals(1, err.lines().count(), err);
                assertEquals("", hum.stdoutText(), "nothing started");
            }
            assertFalse(victim.waitFor(1, TimeUnit.SECONDS), "the group the planted journal names was signalled");
        } finally {
            victim.destroyForcibly();
        }
    }

    @Test
    void runtimeFolder_symlinkIsRefusedAndNothingIsWrittenWhereItPoints() throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Path elsewhere = Files.createDirectory(
                dir.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path link = Files.createSymbolicLink(runtime.resolve("hum"), elsewhere);
        Files.writeString(dir.resolve("hum.yaml"), "processes:\n  quick:\n    cmd: echo done\n");
        HumProcess hum = HumProcess.start(dir, Map.of("XDG_RUNTIME_DIR", runtime.toString()), "--headless");
        assertEquals(2, hum.waitForExit(), hum.stderrText());
        assertTrue(hum.stderrText().contains(link + " (hum's runtime folder) is a symbolic link"), hum.stderrText());
        try (var files = Files.list(elsewhere)) {
            assertEquals(List.of(), files.toList(), "hum wrote where the planted link points");
        }
    }

    @Test
    void crash_anUncaughtExceptionRestoresTheTerminalStopsEveryChildAndExits70() throws Exception {
        String token = token();
        HumProcess probe = HumProcess.startClass(dir, CrashProbe.class.getName(), token);
        int status = probe.waitForExit();
        assertEquals(CrashHandler.INTERNAL_ERROR, status, probe.stderrText());
        String err = probe.stderrText();
        assertTrue(err.indexOf("terminal restored") < err.indexOf("internal error in thread hum-pump-victim"), err);
        assertTrue(err.contains("boom"), err);
        assertTrue(probe.stdoutText().contains("running"));
        assertEquals(List.of(), TokenScan.find(token), "children stopped on the crash path");
    }

    private static boolean isRoot() throws Exception {
        return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
    }

    /** Starts {@code setsid sleep 300}: a process group of this user that hum did not start. */
    private static Process groupLeader() throws Exception {
        Process p = new ProcessBuilder("setsid", "sleep", "300").start();
        Poll.until("sleep to lead its own group", () -> {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2].equals(Long.toString(p.pid()));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return p;
    }

    private static int signalNumber(String name) {
        switch (name) {
            case "HUP":
                return 1;
            case "INT":
                return 2;
            default:
                return 15;
        }
    }

    private static void awaitOutput(HumProcess hum, String text) {
        // Stops early when hum has exited: its output is then all there will be.
        String seen = Poll.until(
                "'" + text + "' from hum",
                () -> hum.stdoutText() + hum.stderrText(),
                out -> out.contains(text) || !hum.process.isAlive());
        assertTrue(hum.stdoutText().contains(text), "no '" + text + "' in: " + seen);
    }
}
