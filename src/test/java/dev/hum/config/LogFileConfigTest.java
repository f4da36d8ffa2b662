package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code settings.log_dir}, {@code log_max_size}, {@code log_keep} and a process's {@code log_file}. */
final class LogFileConfigTest {
    @TempDir
    Path dir;

    private ProjectConfig yaml(String text) throws ConfigException {
        return HumFile.parse(new ConfigFile(dir.resolve("hum.yaml"), "hum.yaml"), text, TreeReader.Syntax.YAML);
    }

    @Test
    void parse_logDirSizeKeepAndOwnFiles() throws ConfigException {
        LogFileSettings logs =
                yaml("""
                        processes:
                          web: {cmd: x}
                          "@app/ui:dev": {cmd: x}
                          api: {cmd: x, log_file: logs/../api-own.log}
                        settings:
                          log_dir: .hum/logs
                          log_max_size: 5MB
                          log_keep: 7
                        """)
                        .settings()
                        .logs();
        assertEquals(Optional.of(dir.resolve(".hum/logs")), logs.dir());
        assertEquals(5L * 1024 * 1024, logs.maxSize());
        assertEquals(7, logs.keep());
        assertEquals(Optional.of(dir.resolve(".hum/logs/web.log")), logs.fileOf("web"));
        assertEquals(Optional.of(dir.resolve(".hum/logs/_app_ui_dev.log")), logs.fileOf("@app/ui:dev"));
        assertEquals(Optional.of(dir.resolve("api-own.log")), logs.fileOf("api"));
    }

    @Test
    void parse_noLogFilesByDefault() throws ConfigException {
        LogFileSettings logs = yaml("processes: {web: {cmd: x}}").settings().logs();
        assertEquals(LogFileSettings.NONE, logs);
        assertEquals(Optional.empty(), logs.fileOf("web"));
        assertEquals(10L * 1024 * 1024, logs.maxSize());
        assertEquals(3, logs.keep());
        LogFileSettings own = yaml("processes: {web: {cmd: x, log_file: /tmp/w.log}, db: {cmd: y}}")
                .settings()
                .logs();
        assertEquals(Map.of("web", Path.of("/tmp/w.log")), own.files());
        assertEquals(Optional.empty(), own.fileOf("db"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"2048, 2048", "'1kb', 1024", "'64 KiB', 65536", "'10M', 10485760", "'1GB', 1073741824"})
    void parse_sizes(String written, long bytes) throws ConfigException {
        assertEquals(
                bytes,
                yaml("processes: {web: {cmd: x}}\nsettings: {log_max_size: " + written + "}")
                        .settings()
                        .logs()
                        .maxSize());
    }

    @Test
    void safeFileName_keepsOnlyWhatEveryFileSystemTakes() {
        assertEquals("web", LogFileSettings.safeFileName("web"));
        assertEquals("api.v2-x_y", LogFileSettings.safeFileName("api.v2-x_y"));
        assertEquals("_hidden", LogFileSettings.safeFileName(".hidden"));
        assertEquals("_scope_pkg_dev", LogFileSettings.safeFileName("@scope/pkg:dev"));
        assertEquals("a_b", LogFileSettings.safeFileName("a+b"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            settings: {log_dir: 5}             | hum.yaml:2:21: expected a folder path for log_dir, found 5
            settings: {log_dir: ''}            | hum.yaml:2:21: empty 'log_dir'; expected a folder path
            settings: {log_dri: logs}          | hum.yaml:2:12: unknown key 'log_dri' under settings; did you mean 'log_dir'?
            settings: {log_max_size: 10 lines} | hum.yaml:2:26: expected a size like 10MB, 512KB, 1GB or a number of bytes for log_max_size, found '10 lines'
            settings: {log_max_size: 10}       | hum.yaml:2:26: log_max_size must be between 1KB and 1024GB, found 10
            settings: {log_max_size: 2048GB}   | hum.yaml:2:26: log_max_size must be between 1KB and 1024GB, found 2048GB
            settings: {log_max_size: [1]}      | hum.yaml:2:26: expected a size like 10MB, 512KB, 1GB or a number of bytes for log_max_size, found a list
            settings: {log_keep: 0}            | hum.yaml:2:22: log_keep must be between 1 and 1000, found 0
            settings: {log_keep: three}        | hum.yaml:2:22: expected a whole number for log_keep, found 'three'
            """)
    void parse_settingsErrorsNamePosition(String settings, String message) {
        String text = "processes: {web: {cmd: x}}\n" + settings;
        assertEquals(
                message, assertThrows(ConfigException.class, () -> yaml(text)).getMessage());
    }

    @Test
    void parse_processLogFileErrorsNamePosition() {
        assertEquals(
                "hum.yaml:3:15: expected a file path for log_file, found true",
                assertThrows(ConfigException.class, () -> yaml("processes:\n  web:\n    log_file: true\n    cmd: x"))
                        .getMessage());
        assertEquals(
                "hum.yaml:1:37: empty 'log_file'; expected a file path",
                assertThrows(ConfigException.class, () -> yaml("processes: {web: {cmd: x, log_file: ''}}"))
                        .getMessage());
    }
}
