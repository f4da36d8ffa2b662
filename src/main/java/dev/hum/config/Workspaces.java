package dev.hum.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the package folders of a workspace: npm's and yarn's {@code workspaces} in the root package.json (a
 * list of globs, or {@code {packages: [...]}}) and pnpm's {@code packages:} in pnpm-workspace.yaml, where a
 * glob that starts with {@code !} leaves folders out. A package folder is one with a package.json; {@code
 * node_modules} and hidden folders are never searched, and symbolic links are not followed.
 */
final class Workspaces {

    static final String PNPM_FILE = "pnpm-workspace.yaml";

    /** How deep {@code **} searches below where its glob starts: monorepos nest two or three levels. */
    private static final int MAX_DEPTH = 8;

    private static final String GLOB_CHARS = "*?[{";

    private Workspaces() {}

    /**
     * The package folders, absolute, sorted by their path below the root (the root itself is never one of
     * them). {@code top} is the root package.json, read from {@code rootFile}.
     */
    static List<Path> folders(ConfigFile rootFile, Node.Mapping top) throws ConfigException {
        List<String> globs = new ArrayList<>(npmGlobs(rootFile, top));
        Path pnpm = rootFile.folder().resolve(PNPM_FILE);
        if (Files.exists(pnpm, LinkOption.NOFOLLOW_LINKS)) {
            globs.addAll(pnpmGlobs(ConfigFile.of(pnpm)));
        }
        return match(rootFile.folder(), globs);
    }

    private static List<String> npmGlobs(ConfigFile file, Node.Mapping top) throws ConfigException {
        Optional<Node.Entry> entry = top.get("workspaces");
        if (entry.isEmpty()) {
            return List.of();
        }
        Node value = entry.get().value();
        if (value instanceof Node.Mapping yarn) {
            // Yarn 1's form, which also carries 'nohoist'.
            Optional<Node.Entry> packages = yarn.get("packages");
            if (packages.isEmpty()) {
                return List.of();
            }
            value = packages.get().value();
        }
        return strings(new Schema(file), value, "a list of folder globs in 'workspaces'");
    }

    private static List<String> pnpmGlobs(ConfigFile file) throws ConfigException {
        Node root = TreeReader.read(file, file.read(), TreeReader.Syntax.YAML);
        if (root instanceof Node.Scalar s && s.kind() == Node.Kind.NULL) {
            return List.of();
        }
        if (!(root instanceof Node.Mapping top)) {
            throw new Schema(file).wrongType(root, "a map with 'packages'");
        }
        // Other keys (catalog, onlyBuiltDependencies, ...) are pnpm's own.
        Optional<Node.Entry> packages = top.get("packages");
        return packages.isEmpty()
                ? List.of()
                : strings(new Schema(file), packages.get().value(), "a list of folder globs in 'packages'");
    }

    private static List<String> strings(Schema schema, Node value, String expected) throws ConfigException {
        if (value instanceof Node.Scalar s && s.kind() == Node.Kind.NULL) {
            return List.of();
        }
        if (!(value instanceof Node.Sequence list)) {
            throw schema.wrongType(value, expected);
        }
        var globs = new ArrayList<String>();
        for (Node item : list.items()) {
            if (!(item instanceof Node.Scalar s && s.kind() == Node.Kind.STRING)) {
                throw schema.wrongType(item, "a folder glob such as 'packages/*'");
            }
            globs.add(s.text());
        }
        return globs;
    }

    private static List<Path> match(Path root, List<String> globs) {
        var includes = new ArrayList<String>();
        var excludes = new ArrayList<PathMatcher>();
        for (String glob : globs) {
            boolean exclude = glob.startsWith("!");
            String pattern = clean(exclude ? glob.substring(1) : glob);
            if (pattern.isEmpty() || pattern.equals(".") || pattern.startsWith("/") || pattern.contains("..")) {
                continue; // the root itself, or outside the project: not a workspace package of it
            }
            if (exclude) {
                excludes.add(matcher(pattern));
            } else {
                includes.add(pattern);
            }
        }
        var found = new TreeSet<String>();
        for (String include : includes) {
            PathMatcher matcher = matcher(include);
            for (Path folder : candidates(root, include)) {
                Path relative = root.relativize(folder);
                if (matcher.matches(relative) && excludes.stream().noneMatch(m -> m.matches(relative))) {
                    found.add(relative.toString());
                }
            }
        }
        return found.stream().map(root::resolve).toList();
    }

    /** {@code ./packages/*}/ is written {@code packages/*}. */
    private static String clean(String glob) {
        String pattern = glob.strip();
        while (pattern.startsWith("./")) {
            pattern = pattern.substring(2);
        }
        while (pattern.endsWith("/")) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        return pattern;
    }

    private static PathMatcher matcher(String pattern) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (RuntimeException e) {
            return path -> false; // a glob Java cannot read matches nothing, as a glob matching no folder
        }
    }

    /**
     * The folders with a package.json that {@code glob} could match: searched only below the glob's fixed
     * start ({@code packages} for {@code packages/*}) and only as deep as the glob reaches.
     */
    private static List<Path> candidates(Path root, String glob) {
        String[] segments = glob.split("/");
        int fixed = 0;
        while (fixed < segments.length && segments[fixed].chars().noneMatch(c -> GLOB_CHARS.indexOf(c) >= 0)) {
            fixed++;
        }
        Path base = root;
        for (int i = 0; i < fixed; i++) {
            base = base.resolve(segments[i]);
        }
        // One level more than the glob reaches: a folder at walkFileTree's last level is only a visited file.
        int depth = (glob.contains("**") ? MAX_DEPTH : segments.length - fixed) + 1;
        var folders = new ArrayList<Path>();
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return folders;
        }
        Path start = base;
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(start) && (name.equals("node_modules") || name.startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (Files.isRegularFile(dir.resolve("package.json"))) {
                        folders.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable folder holds no package we could run
                }
            });
        } catch (IOException e) {
            // walkFileTree reports per-folder failures to visitFileFailed; nothing else is expected here.
        }
        return folders;
    }
}
