package dev.hum.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ValuesTest {

    @Test
    void durations_parseUnitsAndSums() {
        assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parse("500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), Durations.parse("5s"));
        assertEquals(Optional.of(Duration.ofMinutes(1)), Durations.parse("1m"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), Durations.parse("1m30s"));
        assertEquals(Optional.of(Duration.ofMillis(3_600_250)), Durations.parse("1h250ms"));
        assertEquals(Optional.of(Duration.ZERO), Durations.parse("0s"));
    }

    @Test
    void durations_rejectMalformed() {
        for (String bad : List.of("", "5", "s", "-5s", "1.5s", "5 s", "5sec", "m5", "9999999999s", "1m 30s")) {
            assertEquals(Optional.empty(), Durations.parse(bad), bad);
        }
    }

    @Test
    void stopSignal_parseAcceptsNamesWithAndWithoutSig() {
        assertEquals(Optional.of(StopSignal.TERM), StopSignal.parse("TERM"));
        assertEquals(Optional.of(StopSignal.TERM), StopSignal.parse("SIGTERM"));
        assertEquals(Optional.of(StopSignal.TERM), StopSignal.parse("term"));
        assertEquals(Optional.of(StopSignal.USR2), StopSignal.parse("sigusr2"));
        assertEquals(Optional.empty(), StopSignal.parse("STOP"));
        assertEquals(Optional.empty(), StopSignal.parse("15"));
    }

    @Test
    void stopSignal_linuxNumbers() {
        assertEquals(1, StopSignal.HUP.number());
        assertEquals(2, StopSignal.INT.number());
        assertEquals(3, StopSignal.QUIT.number());
        assertEquals(9, StopSignal.KILL.number());
        assertEquals(10, StopSignal.USR1.number());
        assertEquals(12, StopSignal.USR2.number());
        assertEquals(15, StopSignal.TERM.number());
    }

    @Test
    void nearestKey_suggestsTyposAndSynonyms() {
        List<String> keys = List.of("cmd", "cwd", "env", "autostart", "stop_signal", "stop_timeout");
        assertEquals(Optional.of("stop_timeout"), NearestKey.suggest("stop_timout", keys));
        assertEquals(Optional.of("stop_timeout"), NearestKey.suggest("stop-timeout", keys));
        assertEquals(Optional.of("autostart"), NearestKey.suggest("auto_start", keys));
        assertEquals(Optional.of("cmd"), NearestKey.suggest("cdm", keys));
        assertEquals(Optional.of("cmd"), NearestKey.suggest("command", keys));
        assertEquals(Optional.of("cwd"), NearestKey.suggest("workdir", keys));
        assertEquals(Optional.empty(), NearestKey.suggest("healthcheck", keys));
    }

    @Test
    void command_shellDisplaySkipsOpeningComments() {
        assertEquals("while :; do …", new Command.Shell("# a clock\n\nwhile :; do\n date\ndone\n").display());
        assertEquals("npm run dev", new Command.Shell("npm run dev").display());
        assertEquals("# only a comment", new Command.Shell("# only a comment").display());
    }

    @Test
    void command_argvDisplayQuotesLikeSh() {
        var argv = new Command.Argv(List.of("node", "server.js", "--name", "my app", "it's"));
        assertEquals("node server.js --name 'my app' 'it'\\''s'", argv.display());
        assertThrows(IllegalArgumentException.class, () -> new Command.Argv(List.of()));
    }

    @Test
    void configException_formatsLocation() {
        assertEquals("a.yaml:3:5: bad", new ConfigException("a.yaml", 3, 5, "bad").getMessage());
        assertEquals("Procfile:3: bad", new ConfigException("Procfile", 3, 0, "bad").getMessage());
        assertEquals("hum.yaml: cannot read", new ConfigException("hum.yaml", 0, 0, "cannot read").getMessage());
    }

    @Test
    void processName_rule() {
        for (String ok : List.of("web", "build:watch", "api.v2", "@scope/app", "a+b", "test-e2e", "_x")) {
            assertEquals(Optional.empty(), ProcessName.problem(ok), ok);
        }
        for (String bad : List.of("", "my web", "-x", "tab\there", "a|b", "x".repeat(65), "é")) {
            assertEquals(true, ProcessName.problem(bad).isPresent(), bad);
        }
    }
}
