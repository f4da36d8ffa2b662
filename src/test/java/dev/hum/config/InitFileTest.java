package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hum.yaml that hum init drafts is hum's own schema: loaded back, it runs what discovery found. */
final class InitFileTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ProjectConfig loadBack(InitFile.Draft draft) throws Exception {
        Path yaml = Files.writeString(dir.resolve("hum.yaml"), draft.text());
        return ConfigLoader.load(yaml);
    }

    @Test
    void draft_scriptsWorkspacesAndProcfileLoadBackAsTheSameProcesses() throws Exception {
        write(
                "package.json",
                """
                {"workspaces": ["packages/*"], "packageManager": "pnpm@9",
                 "scripts": {"dev": "turbo dev", "weird name": "x", "true": "y"}}
                """);
        write("packages/web/package.json", "{\"name\": \"@acme/web\", \"scripts\": {\"dev\": \"vite\"}}");
        write(
                "Procfile.dev",
                """
                web: npm start
                api: PORT=3001 node server.js --title "a: b" # not a comment \\ 'x' é
                """);
        write(".env", "SECRET=1\n");

        ProjectConfig found = ConfigLoader.discover(dir);
        ProjectConfig procfile = ConfigLoader.load(dir.resolve("Procfile.dev"));
        InitFile.Draft draft = InitFile.draft(dir);
        assertEquals(List.of("package.json", "Procfile.dev"), draft.sources());
        assertEquals(6, draft.processes(), draft.text());

        ProjectConfig loaded = loadBack(draft);
        assertEquals(Origin.HUM_FILE, loaded.origin());
        assertEquals(
                List.of("dev", "weird-name", "true", "web:dev", "web", "api"),
                loaded.processes().stream().map(ProcessSpec::name).toList(),
                draft.text());
        for (int i = 0; i < found.processes().size(); i++) {
            ProcessSpec want = found.processes().get(i);
            ProcessSpec got = loaded.processes().get(i);
            assertEquals(want.command(), got.command(), draft.text());
            assertEquals(want.cwd(), got.cwd());
            assertEquals(false, got.autostart());
        }
        for (int i = 0; i < procfile.processes().size(); i++) {
            ProcessSpec want = procfile.processes().get(i);
            ProcessSpec got = loaded.processes().get(found.processes().size() + i);
            assertEquals(want.command(), got.command(), draft.text());
            assertEquals(want.cwd(), got.cwd());
            assertTrue(got.autostart());
            assertEquals(Map.of(), got.env(), "the .env's values are not copied into hum.yaml");
        }
        for (String key : List.of("# depends_on:", "# ready:", "# restart:")) {
            assertTrue(draft.text().contains("    " + key), draft.text());
        }
        assertTrue(draft.text().contains("env_file: .env"), draft.text());
    }

    @Test
    void draft_namesInTwoProcfilesAreWrittenOnce() throws Exception {
        write("Procfile", "web: node server.js\n");
        write("Procfile.dev", "web: nodemon server.js\nworker: node worker.js\n");

        InitFile.Draft draft = InitFile.draft(dir);
        ProjectConfig loaded = loadBack(draft);
        assertEquals(
                List.of("web", "worker"),
                loaded.processes().stream().map(ProcessSpec::name).toList());
        assertEquals(
                new Command.Shell("node server.js"), loaded.processes().get(0).command());
        assertTrue(draft.text().contains("# web left out: the name is written above"), draft.text());
    }

    @Test
    void draft_nothingFoundGivesAStartThatLoads() throws Exception {
        InitFile.Draft draft = InitFile.draft(dir);
        assertEquals(List.of(), draft.sources());
        assertEquals(
                List.of("hello"),
                loadBack(draft).processes().stream().map(ProcessSpec::name).toList());
    }
}
