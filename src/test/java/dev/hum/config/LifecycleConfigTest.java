package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** depends_on, ready, restart and env_file: what they read into, and every mistake at its position. */
final class LifecycleConfigTest {
    @TempDir
    Path dir;

    private ProjectConfig yaml(String text) throws ConfigException {
        return HumFile.parse(new ConfigFile(dir.resolve("hum.yaml"), "hum.yaml"), text, TreeReader.Syntax.YAML);
    }

    private String error(String text) {
        return assertThrows(ConfigException.class, () -> yaml(text)).getMessage();
    }

    @Test
    void parse_threeServicesWithEveryKey() throws ConfigException {
        ProjectConfig c = yaml(
                """
                processes:
                  db:
                    cmd: postgres
                    ready: { tcp: 5432, interval: 200ms, timeout: 10s }
                  migrate:
                    cmd: ./migrate
                    depends_on: [db]
                  api:
                    cmd: ./api
                    ready: { http: "http://localhost:8080/health", initial_delay: 1s }
                    depends_on: { db: ready, migrate: exited 0 }
                    restart: on-failure
                    max_restarts: 10
                    backoff: 2s
                  web:
                    cmd: ./web
                    ready: { log: 'ready in \\d+ms' }
                    depends_on: { api: started }
                    restart: always
                  check:
                    cmd: ./check
                    ready: { exec: "pg_isready", timeout: 3s }
                    restart: no
                """);
        Lifecycle db = c.process("db").orElseThrow().lifecycle();
        assertEquals(
                Optional.of(new Readiness(
                        new Readiness.Tcp("localhost", 5432),
                        Duration.ofMillis(200),
                        Duration.ofSeconds(10),
                        Duration.ZERO)),
                db.ready());
        assertEquals(RestartPolicy.NEVER, db.restart());
        assertEquals(
                List.of(new Dependency("db", Dependency.Condition.READY)),
                c.process("migrate").orElseThrow().lifecycle().dependsOn());
        Lifecycle api = c.process("api").orElseThrow().lifecycle();
        assertEquals(
                List.of(
                        new Dependency("db", Dependency.Condition.READY),
                        new Dependency("migrate", Dependency.Condition.EXITED_0)),
                api.dependsOn());
        assertEquals(
                new Readiness.Http("http://localhost:8080/health"),
                api.ready().orElseThrow().probe());
        assertEquals(Duration.ofSeconds(1), api.ready().orElseThrow().initialDelay());
        assertEquals(
                new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, OptionalInt.of(10), Duration.ofSeconds(2)),
                api.restart());
        Lifecycle web = c.process("web").orElseThrow().lifecycle();
        assertEquals(
                new Readiness.Log("ready in \\d+ms"), web.ready().orElseThrow().probe());
        assertEquals(RestartPolicy.Mode.ALWAYS, web.restart().mode());
        assertEquals(List.of(new Dependency("api", Dependency.Condition.STARTED)), web.dependsOn());
        Lifecycle check = c.process("check").orElseThrow().lifecycle();
        assertEquals(
                new Readiness.Exec(new Command.Shell("pg_isready")),
                check.ready().orElseThrow().probe());
        assertEquals(RestartPolicy.Mode.NO, check.restart().mode());
    }

    @Test
    void parse_tcpHostAndPort() throws ConfigException {
        ProjectConfig c = yaml("processes:\n  db:\n    cmd: x\n    ready: { tcp: 'db.local:6379' }\n");
        assertEquals(
                new Readiness.Tcp("db.local", 6379),
                c.process("db").orElseThrow().lifecycle().ready().orElseThrow().probe());
    }

    @Test
    void delay_doublesUpToThirtySeconds() {
        var p = new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, OptionalInt.empty(), Duration.ofSeconds(1));
        assertEquals(
                List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                List.of(1, 2, 3, 4, 5, 6, 100).stream()
                        .map(n -> p.delay(n).toSeconds())
                        .toList());
    }

    @Test
    void error_unknownDependencySuggestsTheNearestName() {
        assertEquals(
                "hum.yaml:6:18: 'api' depends on unknown process 'datbase'; did you mean 'database'?",
                error(
                        """
                        processes:
                          database:
                            cmd: x
                          api:
                            cmd: y
                            depends_on: [datbase]
                        """));
    }

    @Test
    void error_cycleIsNamedStepByStep() {
        assertEquals(
                "hum.yaml:4:18: dependency cycle: api → worker → api",
                error(
                        """
                        processes:
                          api:
                            cmd: x
                            depends_on: [worker]
                          worker:
                            cmd: y
                            depends_on: { api: started }
                        """));
    }

    @Test
    void error_longerCycleBehindAnInnocentStart() {
        assertEquals(
                "hum.yaml:7:18: dependency cycle: b → c → b",
                error(
                        """
                        processes:
                          a:
                            cmd: x
                            depends_on: [b]
                          b:
                            cmd: x
                            depends_on: [c]
                          c:
                            cmd: x
                            depends_on: [b]
                        """));
    }

    @Test
    void error_selfDependency() {
        assertEquals(
                "hum.yaml:4:18: process 'api' depends on itself",
                error("processes:\n  api:\n    cmd: x\n    depends_on: [api]\n"));
    }

    @Test
    void error_unknownCondition() {
        assertEquals(
                "hum.yaml:6:23: unknown condition 'redy'; did you mean 'ready'?",
                error(
                        """
                        processes:
                          db:
                            cmd: x
                          api:
                            cmd: y
                            depends_on: { db: redy }
                        """));
    }

    @Test
    void error_probeWithTwoKindsOrNone() {
        assertEquals(
                "hum.yaml:4:22: a probe has one kind, found 'tcp' and 'http' under processes.db.ready",
                error("processes:\n  db:\n    cmd: x\n    ready: { tcp: 1, http: 'http://x/' }\n"));
        assertEquals(
                "hum.yaml:4:12: no probe under processes.db.ready; expected one of log, tcp, http, exec",
                error("processes:\n  db:\n    cmd: x\n    ready: { interval: 1s }\n"));
    }

    @Test
    void error_malformedUrlAndPort() {
        assertEquals(
                "hum.yaml:4:20: malformed URL 'localhost:3000/health': expected an http:// or https:// URL",
                error("processes:\n  db:\n    cmd: x\n    ready: { http: 'localhost:3000/health' }\n"));
        assertEquals(
                "hum.yaml:4:19: port must be between 1 and 65535, found 70000",
                error("processes:\n  db:\n    cmd: x\n    ready: { tcp: 70000 }\n"));
        assertEquals(
                "hum.yaml:4:19: malformed port 'five'; expected a port (5432) or host:port (localhost:5432)",
                error("processes:\n  db:\n    cmd: x\n    ready: { tcp: 'localhost:five' }\n"));
    }

    @Test
    void error_badRegexAndRestartWord() {
        assertEquals(
                "hum.yaml:4:19: invalid regular expression: missing closing )",
                error("processes:\n  db:\n    cmd: x\n    ready: { log: 'ready (' }\n"));
        assertEquals(
                "hum.yaml:4:14: unknown restart policy 'on-failur'; did you mean 'on-failure'?",
                error("processes:\n  db:\n    cmd: x\n    restart: on-failur\n"));
    }

    @Test
    void error_wordsFromOtherToolsSuggestOurs() {
        assertEquals(
                "hum.yaml:4:5: unknown key 'healthcheck' under processes.db; did you mean 'ready'?",
                error("processes:\n  db:\n    cmd: x\n    healthcheck: { tcp: 1 }\n"));
        assertEquals(
                "hum.yaml:4:5: unknown key 'needs' under processes.db; did you mean 'depends_on'?",
                error("processes:\n  db:\n    cmd: x\n    needs: [a]\n"));
    }

    @Test
    void envFile_laterFilesWinAndEnvWinsOverAll() throws ConfigException, IOException {
        Files.writeString(dir.resolve(".env"), "A=shared\nB=shared\nC=shared\n");
        Files.writeString(dir.resolve("one.env"), "B=one\nC=one\n");
        Files.writeString(dir.resolve("two.env"), "export C='two'\n");
        ProjectConfig c = yaml(
                """
                settings:
                  env_file: .env
                processes:
                  api:
                    cmd: x
                    env_file: [one.env, two.env]
                    env: { D: own }
                  web:
                    cmd: y
                    env: { A: own }
                """);
        assertEquals(
                Map.of("A", "shared", "B", "one", "C", "two", "D", "own"),
                c.process("api").orElseThrow().env());
        assertEquals(
                Map.of("A", "own", "B", "shared", "C", "shared"),
                c.process("web").orElseThrow().env());
    }

    @Test
    void envFile_missingOrMalformedIsAnErrorNamingIt() throws IOException {
        assertEquals(
                "hum.yaml:4:15: env_file 'nope.env' does not exist (" + dir.resolve("nope.env") + ")",
                error("processes:\n  api:\n    cmd: x\n    env_file: nope.env\n"));
        Files.writeString(dir.resolve("bad.env"), "OK=1\nnot a pair\n");
        String message = error("processes:\n  api:\n    cmd: x\n    env_file: bad.env\n");
        assertEquals(true, message.endsWith("bad.env:2: expected KEY=VALUE, found 'not a pair'"), message);
    }
}
