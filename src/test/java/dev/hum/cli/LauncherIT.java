package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher (target/hum) picks its JVM: a JDK 25 or newer with the build's AOT cache, else a JDK 17 with the
 * class-data archive; an older JVM is passed over, and a cache that does not fit is dropped without a word.
 */
final class LauncherIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path LAUNCHER = TARGET.resolve("hum");
    private static final Path JAVA17 = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(Path launcher, Map<String, String> env, String... args) throws Exception {
        assertTrue(Files.isExecutable(launcher), launcher + " is missing: the build copies it beside the jar");
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add(launcher.toString());
        pb.command().addAll(List.of(args));
        pb.environment().remove("HUM_JAVA");
        pb.environment().remove("HUM_JAVA_OPTS");
        pb.environment().remove("HUM_LAUNCHER");
        pb.environment().putAll(env);
        pb.directory(dir.toFile());
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        return new Run(p.exitValue(), read("out.txt"), read("err.txt"));
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A folder that looks like a JDK 11: bin/java answers -version, and leaves a mark if asked to run anything. */
    private Path fakeOldJdk() throws IOException {
        Path home = dir.resolve("jdk-11");
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(
                java,
                "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n"
                        + "[ \"$1\" = -version ] && exit 0\ntouch '" + dir.resolve("old-java-ran") + "'\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void oldJavaHome_isPassedOverForAJdkOf17OrNewer() throws Exception {
        Path old = fakeOldJdk();
        Map<String, String> env =
                Map.of("JAVA_HOME", old.toString(), "PATH", old.resolve("bin") + ":" + System.getenv("PATH"));

        Run chosen = run(LAUNCHER, Map.of("JAVA_HOME", old.toString(), "HUM_LAUNCHER", "print-java"));
        String[] versionAndPath = chosen.out().strip().split(" ", 2);
        assertTrue(Integer.parseInt(versionAndPath[0]) >= 17, chosen.out());
        assertFalse(versionAndPath[1].startsWith(old.toString()), chosen.out());

        Run version = run(LAUNCHER, env, "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("hum "), version.out());
        assertEquals("", version.err());
        assertFalse(Files.exists(dir.resolve("old-java-ran")), "the launcher ran hum on the JDK 11");
    }

    /**
     * A folder that looks like a JDK 11 with a {@code release} file: its bin/java leaves a mark if it is run at all,
     * even for {@code -version}: the launcher must read the version from the file, not start a JVM to ask.
     */
    private Path fakeOldJdkWithRelease() throws IOException {
        Path home = dir.resolve("jdk-11-release");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"11.0.2\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\ntouch '" + dir.resolve("release-java-ran") + "'\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void oldJdkWithAReleaseFile_isPassedOverWithoutStartingIt() throws Exception {
        Path old = fakeOldJdkWithRelease();
        Path linked = dir.resolve("path-bin");
        Files.createDirectories(linked);
        Files.createSymbolicLink(linked.resolve("java"), old.resolve("bin/java")); // as /usr/bin/java is
        Map<String, String> env = Map.of(
                "JAVA_HOME",
                old.toString(),
                "PATH",
                linked + ":" + System.getenv("PATH"),
                "HUM_LAUNCHER",
                "print-java");

        Run chosen = run(LAUNCHER, env);
        assertEquals(0, chosen.exit(), chosen.err());
        String[] versionAndPath = chosen.out().strip().split(" ", 2);
        assertTrue(Integer.parseInt(versionAndPath[0]) >= 17, chosen.out());
        assertFalse(versionAndPath[1].startsWith(old.toString()), chosen.out());
        assertFalse(versionAndPath[1].startsWith(linked.toString()), chosen.out());
        assertFalse(Files.exists(dir.resolve("release-java-ran")), "the launcher ran the JDK 11's java to ask");
    }

    @Test
    void launcherThroughASymlink_findsTheJarBesideTheRealScript() throws Exception {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path link = bin.resolve("hum");
        Files.createSymbolicLink(link, LAUNCHER);
        Run version = run(link, Map.of(), "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("hum "), version.out());

        ProcessBuilder relative = new ProcessBuilder("./hum", "--version").directory(TARGET.toFile());
        relative.environment().remove("HUM_JAVA");
        relative.environment().remove("HUM_JAVA_OPTS");
        relative.redirectErrorStream(true);
        Process p = relative.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        assertTrue(said.startsWith("hum "), said);
    }

    @Test
    void jdk25_startsHumWithTheBuildsAotCache() throws Exception {
        Run chosen = run(LAUNCHER, Map.of("HUM_LAUNCHER", "print-java"));
        String[] versionAndPath = chosen.out().strip().split(" ", 2);
        Assumptions.assumeTrue(
                Integer.parseInt(versionAndPath[0]) >= 25,
                "no JDK 25 or newer on this machine (the launcher found "
                        + chosen.out().strip()
                        + "): the AOT path is not tested (Temurin 25 is in /usr/lib/jvm on the project's machines)");
        Path aot = TARGET.resolve("hum.aot");
        assertTrue(
                Files.isRegularFile(aot),
                aot + " is missing though a JDK 25 is here: see target/class-data-training/aot.log");
        Files.writeString(dir.resolve("hum.yaml"), "processes:\n  nap:\n    cmd: echo nap-ready; sleep 300\n");
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "--headless");
        pb.environment().remove("HUM_JAVA");
        pb.environment().remove("HUM_JAVA_OPTS");
        pb.directory(dir.toFile());
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process hum = pb.start();
        try {
            Poll.until(
                    "hum --headless to start its process", () -> read("out.txt").contains("nap-ready"));
            // The launcher execs the JVM: the pid is the JVM's, which maps the cache it accepted.
            String argv = Files.readString(Path.of("/proc", Long.toString(hum.pid()), "cmdline"))
                    .replace('\0', ' ');
            assertTrue(argv.startsWith(versionAndPath[1] + " "), argv);
            String maps = Files.readString(Path.of("/proc", Long.toString(hum.pid()), "maps"));
            assertTrue(maps.contains(aot.toRealPath().toString()), "the AOT cache is not mapped by " + argv);
            String err = read("err.txt").toLowerCase(java.util.Locale.ROOT);
            for (String noise : List.of("warning", "error", "aot", "cds", "native access")) {
                assertFalse(err.contains(noise), "the JVM said something on stderr: " + err);
            }
        } finally {
            hum.destroy();
            if (!hum.waitFor(30, TimeUnit.SECONDS)) {
                hum.destroyForcibly();
            }
        }
    }

    @Test
    void cachesThatDoNotFit_areDroppedWithoutAWord() throws Exception {
        // A copy of the launcher and jar whose caches are garbage: the JVM must start as if there were none.
        Path copy = Files.createDirectories(dir.resolve("copy"));
        Files.copy(LAUNCHER, copy.resolve("hum"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(TARGET.resolve("hum.jar"), copy.resolve("hum.jar"));
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(14).nextBytes(garbage);
        Files.write(copy.resolve("hum.aot"), garbage);
        Files.write(copy.resolve("hum.jsa"), garbage);

        Run best = run(copy.resolve("hum"), Map.of(), "--version");
        assertEquals(0, best.exit(), best.err());
        assertTrue(best.out().startsWith("hum "), best.out());
        assertEquals("", best.err());

        Run pinned = run(copy.resolve("hum"), Map.of("HUM_JAVA", JAVA17.toString()), "--version");
        assertEquals(0, pinned.exit(), pinned.err());
        assertTrue(pinned.out().startsWith("hum "), pinned.out());
        assertEquals("", pinned.err());
    }
}
