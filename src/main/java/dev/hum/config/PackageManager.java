package dev.hum.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The JavaScript package managers whose {@code run} hum uses for package.json scripts. */
enum PackageManager {
    NPM("npm"),
    YARN("yarn"),
    PNPM("pnpm"),
    BUN("bun");

    // In the order the design (../shared/DESIGN.md) gives: the first lockfile found decides.
    private static final List<Lockfile> LOCKFILES = List.of(
            new Lockfile("bun.lock", BUN),
            new Lockfile("bun.lockb", BUN),
            new Lockfile("pnpm-lock.yaml", PNPM),
            new Lockfile("yarn.lock", YARN),
            new Lockfile("package-lock.json", NPM));

    private record Lockfile(String name, PackageManager manager) {}

    private final String command;

    PackageManager(String command) {
        this.command = command;
    }

    /** The executable to run, looked up on PATH by the supervisor. */
    String command() {
        return command;
    }

    /**
     * The {@code packageManager} field ({@code "pnpm@9.1.0"}) if it names one we know, else the first
     * lockfile in {@code folder}, else npm.
     */
    static PackageManager detect(Optional<String> packageManagerField, Path folder) {
        Optional<PackageManager> declared = packageManagerField.flatMap(PackageManager::fromField);
        if (declared.isPresent()) {
            return declared.get();
        }
        for (Lockfile lockfile : LOCKFILES) {
            if (Files.isRegularFile(folder.resolve(lockfile.name()))) {
                return lockfile.manager();
            }
        }
        return NPM;
    }

    /** Corepack's format is {@code name@version[+hash]}; only the name matters here. */
    static Optional<PackageManager> fromField(String field) {
        String name = field.strip();
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        for (PackageManager pm : values()) {
            if (pm.command.equals(name)) {
                return Optional.of(pm);
            }
        }
        return Optional.empty();
    }
}
