package dev.hum.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

final class RegistryTest {

    @Test
    void add_keepsOrderAndIndexesByName() {
        Registry registry = new Registry();
        StateCell web = registry.add("web");
        StateCell api = registry.add("api");
        Board board = registry.board();
        assertEquals(
                List.of("web", "api"),
                board.states().stream().map(ProcessState::name).toList());
        assertSame(api, board.find("api").orElseThrow());
        assertEquals(1, api.get().id());
        assertSame(web, board.get(0));
        assertTrue(board.find("db").isEmpty());
    }

    @Test
    void add_duplicateNameIsRefused() {
        Registry registry = new Registry();
        registry.add("web");
        assertThrows(IllegalArgumentException.class, () -> registry.add("web"));
        assertEquals(1, registry.board().size());
    }

    @Test
    void changes_moveOnCellUpdateNotOnRefusal() {
        Registry registry = new Registry();
        StateCell web = registry.add("web");
        long before = registry.changes();
        web.update(s -> s.stopRequested("nothing to stop"));
        assertEquals(before, registry.changes());
        web.update(s -> s.start(Instant.EPOCH));
        assertNotEquals(before, registry.changes());
    }

    @Test
    void changes_nearLongMaxValue_wrapIsStillAChange() {
        Registry registry = new Registry(Long.MAX_VALUE);
        StateCell web = registry.add("web"); // the swap count and the sum of versions wrap here
        long seen = registry.changes();
        web.update(s -> s.start(Instant.EPOCH)); // the version itself wraps to Long.MIN_VALUE
        assertEquals(Long.MIN_VALUE, web.get().version());
        assertNotEquals(seen, registry.changes());
        long after = registry.changes();
        web.update(s -> s.stopRequested("user"));
        assertEquals(1, registry.changes() - after);
    }

    @Test
    void board_oldSnapshotIsNotChangedByLaterAdds() {
        Registry registry = new Registry();
        registry.add("a");
        Board before = registry.board();
        registry.add("b");
        assertEquals(1, before.size());
        assertEquals(2, registry.board().size());
    }

    @Test
    void add_concurrentAddersAndReaders_everyBoardIsConsistent() throws Exception {
        Registry registry = new Registry();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        List<Thread> adders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            adders.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    registry.add("p" + thread + "-" + i);
                }
            }));
        }
        Thread reader = new Thread(() -> {
            int last = 0;
            while (last < 2000) {
                Board board = registry.board();
                if (board.size() < last) {
                    violations.add("board shrank");
                }
                for (int i = 0; i < board.size(); i++) {
                    StateCell cell = board.get(i);
                    if (cell.get().id() != i || board.find(cell.get().name()).orElse(null) != cell) {
                        violations.add("index and list disagree at " + i);
                    }
                }
                last = board.size();
            }
        });
        reader.start();
        adders.forEach(Thread::start);
        for (Thread t : adders) {
            t.join();
        }
        reader.join();
        assertTrue(violations.isEmpty(), () -> String.valueOf(violations.peek()));
        assertEquals(2000, registry.board().size());
    }
}
