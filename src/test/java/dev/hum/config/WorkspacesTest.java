package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspace packages (npm, yarn, pnpm) discovered in real folders: their names, folders and commands. */
final class WorkspacesTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ProjectConfig discover() throws ConfigException {
        return ConfigLoader.discover(dir);
    }

    private static List<String> names(ProjectConfig config) {
        return config.processes().stream().map(ProcessSpec::name).toList();
    }

    @Test
    void discover_npmWorkspacesListEachPackagesScriptsAfterTheRoot() throws Exception {
        write(
                "package.json",
                """
                {"name": "mono", "workspaces": ["packages/*", "./apps/*/"],
                 "scripts": {"dev": "concurrently npm:dev:*"}}
                """);
        write("package-lock.json", "{}");
        write(
                "packages/api/package.json",
                "{\"name\": \"api\", \"scripts\": {\"dev\": \"nodemon\", \"build\": \"tsc\"}}");
        write("apps/client/package.json", "{\"name\": \"@acme/web\", \"scripts\": {\"dev\": \"vite\"}}");
        write("packages/no-scripts/package.json", "{\"name\": \"types\"}");
        write("packages/api/node_modules/dep/package.json", "{\"name\": \"dep\", \"scripts\": {\"x\": \"y\"}}");
        write("notlisted/package.json", "{\"name\": \"other\", \"scripts\": {\"dev\": \"z\"}}");

        ProjectConfig config = discover();
        assertEquals(List.of("dev", "web:dev", "api:dev", "api:build"), names(config));
        ProcessSpec web = config.process("web:dev").orElseThrow();
        assertEquals(dir.resolve("apps/client").toAbsolutePath().normalize(), web.cwd());
        assertEquals(List.of("npm", "run", "dev"), web.command().argv());
        assertEquals(false, web.autostart());
        assertEquals(
                dir.resolve("packages/api").toAbsolutePath().normalize(),
                config.process("api:build").orElseThrow().cwd());
    }

    @Test
    void discover_yarnObjectFormAndRootWithoutScripts() throws Exception {
        write(
                "package.json",
                "{\"private\": true, \"workspaces\": {\"packages\": [\"packages/**\"], \"nohoist\": []}}");
        write("yarn.lock", "");
        write("packages/ui/package.json", "{\"scripts\": {\"storybook\": \"storybook dev\"}}");
        write("packages/nested/deep/package.json", "{\"name\": \"deep\", \"scripts\": {\"test\": \"jest\"}}");

        ProjectConfig config = discover();
        assertEquals(Origin.PACKAGE_JSON, config.origin());
        assertEquals(List.of("deep:test", "ui:storybook"), names(config), "unnamed packages take their folder's name");
        assertEquals(
                List.of("yarn", "run", "storybook"),
                config.process("ui:storybook").orElseThrow().command().argv());
    }

    @Test
    void discover_pnpmWorkspaceYamlWithExclusionUsesTheRootsPackageManager() throws Exception {
        write(
                "package.json",
                "{\"name\": \"root\", \"packageManager\": \"pnpm@9.1.0\", \"scripts\": {\"dev\": \"turbo dev\"}}");
        write(
                "pnpm-workspace.yaml",
                """
                packages:
                  - 'apps/*'
                  - 'packages/*'
                  - '!packages/internal-*'
                catalog:
                  react: ^18
                """);
        write("apps/web/package.json", "{\"name\": \"web\", \"scripts\": {\"dev\": \"vite\"}}");
        write("apps/api/package.json", "{\"name\": \"api\", \"scripts\": {\"dev\": \"tsx watch src\"}}");
        write("packages/internal-tools/package.json", "{\"name\": \"tools\", \"scripts\": {\"dev\": \"x\"}}");
        write("packages/ui/package.json", "{\"name\": \"@acme/ui\", \"scripts\": {\"build\": \"tsup\"}}");

        ProjectConfig config = discover();
        assertEquals(List.of("dev", "api:dev", "web:dev", "ui:build"), names(config));
        ProcessSpec api = config.process("api:dev").orElseThrow();
        assertEquals(new Command.Argv(List.of("pnpm", "run", "dev")), api.command());
        assertEquals(dir.resolve("apps/api").toAbsolutePath().normalize(), api.cwd());
    }

    @Test
    void discover_packagesSharingANameTakeTheirFolderPaths() throws Exception {
        write("package.json", "{\"workspaces\": [\"apps/*\", \"packages/*\"]}");
        write("apps/web/package.json", "{\"name\": \"@a/web\", \"scripts\": {\"dev\": \"a\"}}");
        write("packages/web/package.json", "{\"name\": \"@b/web\", \"scripts\": {\"dev\": \"b\"}}");

        assertEquals(List.of("apps/web:dev", "packages/web:dev"), names(discover()));
    }

    @Test
    void discover_brokenPackageIsLeftOutAloudAndTheOthersRun() throws Exception {
        write("package.json", "{\"workspaces\": [\"packages/*\"], \"scripts\": {\"web:dev\": \"root one\"}}");
        write("packages/bad/package.json", "{\"scripts\": ");
        write("packages/web/package.json", "{\"scripts\": {\"dev\": \"vite\", \"lint\": \"eslint\"}}");

        ProjectConfig config = discover();
        assertEquals(List.of("web:dev", "web:lint"), names(config));
        assertEquals(
                dir.toAbsolutePath().normalize(),
                config.process("web:dev").orElseThrow().cwd(),
                "the root's wins");
        assertEquals(2, config.notices().size(), config.notices()::toString);
        assertTrue(
                config.notices().stream()
                        .anyMatch(n ->
                                n.contains("bad/package.json:") && n.endsWith("this workspace package is left out")),
                config.notices()::toString);
        assertTrue(
                config.notices().stream()
                        .anyMatch(n -> n.contains("left out script 'web:dev': a root script has that name")),
                config.notices()::toString);
    }
}
