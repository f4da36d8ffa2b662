package dev.hum.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RegistryTest {

    @Test
    void registry_keepsOrderAndIndexesByName() {
        Registry registry = new Registry(List.of("web", "api"));
        Board board = registry.board();
        StateCell web = board.get(0);
        StateCell api = board.get(1);
        assertEquals(
                List.of("web", "api"),
                board.states().stream().map(ProcessState::name).toList());
        assertSame(api, board.find("api").orElseThrow());
        assertEquals(1, api.get().id());
        assertSame(web, board.get(0));
        assertTrue(board.find("db").isEmpty());
    }

    @Test
    void registry_duplicateNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Registry(List.of("web", "api", "web")));
    }

    @Test
    void changes_moveOnCellUpdateNotOnRefusal() {
        Registry registry = new Registry(List.of("web"));
        StateCell web = registry.board().get(0);
        long before = registry.changes();
        web.update(s -> s.stopRequested("nothing to stop"));
        assertEquals(before, registry.changes());
        web.update(s -> s.start(Instant.EPOCH));
        assertNotEquals(before, registry.changes());
    }

    @Test
    void changes_nearLongMaxValue_wrapIsStillAChange() {
        Registry registry = new Registry(List.of("web", "api"), Long.MAX_VALUE); // the sum of versions wraps
        StateCell web = registry.board().get(0);
        long seen = registry.changes();
        web.update(s -> s.start(Instant.EPOCH)); // the version itself wraps to Long.MIN_VALUE
        assertEquals(Long.MIN_VALUE, web.get().version());
        assertNotEquals(seen, registry.changes());
        long after = registry.changes();
        web.update(s -> s.stopRequested("user"));
        assertEquals(1, registry.changes() - after);
    }
}
