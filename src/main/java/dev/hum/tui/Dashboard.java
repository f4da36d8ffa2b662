package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import com.googlecode.lanterna.screen.Screen;
import dev.hum.process.ActionResult;
import dev.hum.process.Supervised;
import dev.hum.process.Supervisor;
import dev.hum.state.ProcessState;
import dev.hum.state.Wakeable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dashboard's UI state and one frame of it: which process is selected, the log pane, the search
 * prompt, the help overlay, messages. Keys change it; {@link #draw} paints it. Render thread only,
 * except {@link #results}, where the supervisor's threads leave the outcome of actions.
 */
final class Dashboard {

    private static final long MESSAGE_NANOS = 4_000_000_000L;

    /**
     * New log lines alone redraw the screen at most this often (5 a second): a tail that moves in steps of a fifth
     * of a second still reads as live, and at 20 processes printing a line a second each it halves the frames of
     * the all view (issue 14: at 10 a second the render thread cost more than the whole of mprocs). Keys, status
     * changes and the uptime's second are drawn at once, as before.
     */
    private static final long LINES_FRAME_NANOS = 200_000_000L;

    private static final int WHEEL_ROWS = 3;
    private static final EnumSet<SGR> BOLD = EnumSet.of(SGR.BOLD);

    private final Supervisor supervisor;
    private final String title;
    private final List<String> names;
    private final List<LogFeed> feeds = new ArrayList<>();
    private final boolean withAll;
    private final int nameWidth;
    private final LogPane pane;
    private final CopyMode copyMode;
    private Clipboard clipboard = Clipboard.ofThisProcess();
    private final TerminalRequests terminal = new TerminalRequests();
    private final PaneFilter filter;
    private final ProcessList list = new ProcessList();
    private final Glyphs glyphs = new Glyphs();
    private final Queue<Said> results = new ConcurrentLinkedQueue<>();
    /** Rung after a result is left in {@link #results}, from the thread that left it. */
    private volatile Wakeable resultsBell = () -> {};

    private final Queue<String> notes;
    private final Clock clock;

    private int selected;
    private boolean help;
    private final HelpOverlay helpBox = new HelpOverlay();
    private boolean prompting;
    /** What the prompt's text is for: a search or a filter. */
    private Action promptFor = Action.SEARCH;
    /** The log pane has the whole width, the list is hidden. */
    private boolean zoomed;

    private final StringBuilder prompt = new StringBuilder();
    private final InputLine input = new InputLine();
    private final SignalChooser signals = new SignalChooser();
    private final Quitting quitting = new Quitting();
    private String message = "";
    private long messageAt;
    /** The process the message is about, as it was then: the message goes once its status moves on. */
    private Optional<ProcessState> messageAbout = Optional.empty();

    private boolean quitRequested;
    private boolean suspendRequested;
    private boolean dirty = true;
    private long drawnChanges;
    private long drawnSecond = Long.MIN_VALUE;
    private List<ProcessState> drawnStates = List.of();
    private long drawnTotal = -1;
    private long drawnAt;
    private int drawnColumns = -1;
    private int drawnRows = -1;
    private int listWidth;

    /**
     * What an action had to say, and the state of the process it is about when it said it (empty for several
     * processes at once).
     */
    private record Said(String text, Optional<ProcessState> about) {}

    /** Time for the dashboard: real in use, fixed in screen tests. */
    interface Clock {
        Instant now();

        long nanoTime();

        Clock SYSTEM = new Clock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };
    }

    Dashboard(Supervisor supervisor, String title, Clock clock) {
        this(supervisor, title, clock, new ConcurrentLinkedQueue<>());
    }

    /** @param notes hum's own notes, left by other threads (the agent bridge), for the status line */
    Dashboard(Supervisor supervisor, String title, Clock clock, Queue<String> notes) {
        this(supervisor, title, clock, searchWorker(), notes);
    }

    /** @param searches runs the log pane's searches, one at a time, off the render thread */
    Dashboard(Supervisor supervisor, String title, Clock clock, ExecutorService searches, Queue<String> notes) {
        this.notes = notes;
        this.supervisor = supervisor;
        this.title = title;
        this.clock = clock;
        this.pane = new LogPane(searches);
        this.copyMode = new CopyMode(pane);
        this.filter = new PaneFilter(searches);
        List<Supervised> processes = supervisor.processes();
        this.names = processes.stream().map(Supervised::name).toList();
        this.withAll = processes.size() > 1;
        if (withAll) {
            feeds.add(new MergedFeed(supervisor.merged()));
        }
        for (Supervised p : processes) {
            feeds.add(new ProcessFeed(p.id(), p.log()));
        }
        this.nameWidth =
                Math.max(7, names.stream().mapToInt(Canvas::width).max().orElse(0));
        this.selected = 0;
        showSelected();
    }

    /** One daemon thread for searches: a search left running never keeps hum from exiting. */
    private static ExecutorService searchWorker() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "hum-search");
            t.setDaemon(true);
            return t;
        });
    }

    /** Copies go to {@code other} (a test's, with the environment it chose) instead of this process's. */
    void useClipboard(Clipboard other) {
        clipboard = other;
    }

    /** Whether a search is still running on the worker (tests wait for it as a person waits for the screen). */
    boolean scanning() {
        return pane.scanning() || filter.scanning();
    }

    boolean quitRequested() {
        return quitRequested;
    }

    /** True once after Ctrl-C while quitting: the render loop kills every group left at once. */
    boolean takeKillRequest() {
        return quitting.takeKillRequest();
    }

    /** True once after Ctrl-Z: the render loop hands the terminal to the shell. */
    boolean takeSuspendRequest() {
        boolean requested = suspendRequested;
        suspendRequested = false;
        return requested;
    }

    /** {@code bell} is rung whenever an action's result arrives (from the thread that finished the action). */
    void wakeOnResults(Wakeable bell) {
        resultsBell = bell;
    }

    /** Something outside the dashboard changed the screen (a resize): the next frame must be drawn. */
    void invalidate() {
        dirty = true;
    }

    /**
     * True when the next frame would differ from the last: a process changed, a key was handled, a
     * result arrived, or a second passed while some uptime is counting.
     */
    boolean needsFrame() {
        if (dirty || !results.isEmpty() || !notes.isEmpty() || pane.scanFinished() || filter.needsFrame()) {
            return true;
        }
        long now = clock.nanoTime();
        if (secondOf(now) != drawnSecond && ProcessList.anyLive(drawnStates)) {
            return true; // the uptime's second is drawn at once, even while new lines wait for their turn
        }
        long changes = supervisor.registry().changes();
        if (changes == drawnChanges) {
            return false;
        }
        // Something changed. A change the list shows is drawn at once; new lines only when they
        // are in view, and then at most once per LINES_FRAME_NANOS: twenty chatty processes
        // must not cost twenty frames a second.
        List<ProcessState> states = supervisor.registry().board().states();
        if (ProcessList.differs(states, drawnStates)) {
            return true;
        }
        if (!linesHeldBack()) {
            drawnChanges = changes; // only processes out of view printed: nothing to draw
            return false;
        }
        return now - drawnAt >= LINES_FRAME_NANOS;
    }

    /** Whether lines arrived in view since the last frame (they wait for LINES_FRAME_NANOS after it). */
    boolean linesHeldBack() {
        return feeds.get(selected).total() != drawnTotal;
    }

    /**
     * How long, from now, until {@link #needsFrame} may turn true by the clock alone, with no change, key or result
     * to wake the render loop: the uptime's next second while some process counts one, the end of LINES_FRAME_NANOS
     * while new lines in view wait for it; {@code pollNanos} while something with no wake-up of its own is under way
     * (a search or filter scanning on its worker, the stop of every process on quit); Long.MAX_VALUE when only a
     * change can make a frame due.
     */
    long nanosUntilDue(long pollNanos) {
        if (dirty || !results.isEmpty() || !notes.isEmpty()) {
            return 0;
        }
        if (quitRequested || scanning() || filter.on()) {
            return pollNanos;
        }
        long now = clock.nanoTime();
        long due = Long.MAX_VALUE;
        if (ProcessList.anyLive(drawnStates)) {
            due = secondOf(now) != drawnSecond ? 0 : (secondOf(now) + 1) * 1_000_000_000L - now;
        }
        if (linesHeldBack()) {
            due = Math.min(due, Math.max(0, drawnAt + LINES_FRAME_NANOS - now));
        }
        return due;
    }

    /** The whole second of a {@link Clock#nanoTime}, rounded down also before its origin. */
    private static long secondOf(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L);
    }

    /** Handles one key or mouse event. */
    void handle(KeyStroke key) {
        dirty = true;
        if (key.getKeyType() == KeyType.EOF) {
            quitRequested = true; // the terminal went away: nobody can press q any more
            return;
        }
        if (quitRequested) {
            quitting.key(key);
            return;
        }
        if (help) {
            help = helpBox.scroll(key);
            return;
        }
        if (prompting) {
            editPrompt(key);
            return;
        }
        if (input.isOpen()) {
            editInput(key);
            return;
        }
        if (signals.isOpen()) {
            chooseSignal(key);
            return;
        }
        if (key instanceof MouseAction mouseAction) {
            mouse(mouseAction);
            return;
        }
        Optional<Action> action = KeyMap.actionOf(key);
        action.ifPresent(this::perform);
    }

    private void perform(Action action) {
        if (copyMode.active() && copyMode.move(action)) {
            return; // while selecting, the movement keys move the selection's end
        }
        switch (action) {
            case SELECT_UP:
                select(selected - 1);
                break;
            case SELECT_DOWN:
                select(selected + 1);
                break;
            case START:
                act(AllProcesses.Verb.START, supervisor::start);
                break;
            case STOP:
                act(AllProcesses.Verb.STOP, supervisor::stop);
                break;
            case RESTART:
                act(AllProcesses.Verb.RESTART, supervisor::restart);
                break;
            case INPUT:
                selectedName().ifPresentOrElse(input::open, () -> say("select a process (↑ ↓) to type into it"));
                break;
            case SIGNAL:
                selectedName().ifPresentOrElse(signals::open, () -> say("K signals one process: select it (↓) first"));
                break;
            case PAGE_UP:
                pane.pageUp();
                break;
            case PAGE_DOWN:
                pane.pageDown();
                break;
            case FOLLOW:
                pane.follow();
                break;
            case OLDEST:
                pane.oldest();
                break;
            case SEARCH:
            case FILTER:
                prompting = true;
                promptFor = action;
                prompt.setLength(0);
                break;
            case ZOOM:
                zoomed = !zoomed;
                say(zoomed ? "zoom: the log has the whole width (z shows the list)" : "zoom off: the list is back");
                break;
            case NEXT_MATCH:
                if (!pane.nextMatch()) {
                    say("search first with /");
                }
                break;
            case PREVIOUS_MATCH:
                if (!pane.previousMatch()) {
                    say("search first with /");
                }
                break;
            case TOGGLE_WRAP:
                pane.toggleWrap();
                say(pane.wraps() ? "long lines wrap" : "long lines are cut");
                break;
            case TOGGLE_TIMES:
                pane.toggleTimes();
                say(pane.showsTimes() ? "arrival times shown" : "arrival times hidden");
                break;
            case HELP:
                help = true;
                helpBox.open();
                break;
            case SUSPEND:
                suspendRequested = true;
                break;
            case QUIT:
                quitRequested = true;
                break;
            case SELECT_LINES:
                if (!copyMode.start()) {
                    say("no lines to select yet");
                }
                break;
            case COPY:
                copy();
                break;
            case TOGGLE_MOUSE:
                say(terminal.toggleMouse());
                break;
            case CANCEL:
                if (copyMode.active()) {
                    copyMode.cancel();
                    break;
                }
                if (filter.on() && !pane.scanning() && !pane.searching()) {
                    say(filter.scanning() ? "filter cancelled" : "filter cleared");
                    filter.stop(pane);
                    break;
                }
                if (pane.scanning()) {
                    say("search cancelled");
                }
                pane.clearSearch();
                break;
        }
    }

    /** Copies the selection on the clipboard's worker; its message reaches the status line through results. */
    private void copy() {
        boolean all = withAll && selected == 0;
        Optional<CopyMode.Range> range = copyMode.range(all ? names : List.of());
        if (range.isEmpty()) {
            say("select lines first: v, or drag in the log");
            return;
        }
        copyMode.cancel();
        say("copying…");
        clipboard.copy(
                capacity -> CopyMode.read(range.get(), capacity), terminal::send, text -> tell(text, Optional.empty()));
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the result reaches the status line through results
    private void act(
            AllProcesses.Verb verb, java.util.function.Function<String, CompletableFuture<ActionResult>> action) {
        Optional<String> name = selectedName();
        if (name.isEmpty()) {
            List<ProcessState> states = supervisor.registry().board().states();
            say(AllProcesses.act(verb, supervisor, states, text -> tell(text, Optional.empty())));
            return;
        }
        action.apply(name.get()).thenAccept(r -> tell(r.message(), stateOf(name.get())));
    }

    /** Leaves an action's outcome for the next frame, from the thread that finished it, and wakes the render loop. */
    private void tell(String text, Optional<ProcessState> about) {
        results.add(new Said(text, about));
        resultsBell.wake();
    }

    private Optional<ProcessState> stateOf(String name) {
        return supervisor.find(name).map(Supervised::state);
    }

    /** Sending never waits on the child: the write is non-blocking, a full or closed pipe is a message. */
    private void editInput(KeyStroke key) {
        switch (input.edit(key)) {
            case SEND:
                String target = input.target();
                String line = input.text();
                input.close();
                say(supervisor.sendInput(target, line, true).message());
                break;
            case QUIT:
                quitRequested = true;
                break;
            case EDITING:
            case CANCEL:
                break;
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the result reaches the status line through results
    private void chooseSignal(KeyStroke key) {
        SignalChooser.Outcome outcome = signals.edit(key);
        if (outcome instanceof SignalChooser.Outcome.Send send) {
            supervisor.signal(send.target(), send.signal()).thenAccept(r -> tell(r.message(), Optional.empty()));
        } else if (outcome instanceof SignalChooser.Outcome.Quit) {
            quitRequested = true;
        }
    }

    private void editPrompt(KeyStroke key) {
        switch (key.getKeyType()) {
            case Enter:
                prompting = false;
                if (promptFor == Action.FILTER) {
                    // a selection holds positions in the feed the filter replaces: it would point at other lines
                    if (copyMode.active()) {
                        copyMode.cancel();
                    }
                    filter.start(prompt.toString(), shownProcesses(), pane).ifPresent(this::say);
                } else {
                    pane.search(prompt.toString());
                }
                break;
            case Escape:
                prompting = false;
                break;
            case Backspace:
                if (prompt.length() > 0) {
                    prompt.setLength(prompt.length() - 1);
                }
                break;
            case Character:
                if (KeyMap.isCtrlC(key)) {
                    prompting = false;
                    quitRequested = true;
                } else if (!key.isCtrlDown() && key.getCharacter() >= ' ' && prompt.length() < 200) {
                    prompt.append(key.getCharacter());
                }
                break;
            default:
                break;
        }
    }

    private void mouse(MouseAction mouse) {
        if (!terminal.mouseCaptured()) {
            return; // handed to the terminal: events still in flight are not hum's
        }
        MouseActionType type = mouse.getActionType();
        if (type == MouseActionType.DRAG) {
            copyMode.drag(mouse.getPosition().getRow());
        } else if (type == MouseActionType.CLICK_RELEASE) {
            copyMode.release();
        } else if (type == MouseActionType.SCROLL_UP) {
            pane.scrollUp(WHEEL_ROWS);
        } else if (type == MouseActionType.SCROLL_DOWN) {
            pane.scrollDown(WHEEL_ROWS);
        } else if (type == MouseActionType.CLICK_DOWN) {
            int col = mouse.getPosition().getColumn();
            int row = mouse.getPosition().getRow();
            if (!zoomed && col < listWidth) {
                list.entryAt(row).ifPresent(this::select);
            } else if (zoomed || col > listWidth) { // zoomed, the pane starts at column 0: no list, no separator
                copyMode.press(row);
            }
        }
    }

    private void select(int entry) {
        int count = feeds.size();
        int next = Math.max(0, Math.min(count - 1, entry));
        if (next != selected) {
            if (copyMode.active()) {
                copyMode.cancel();
            }
            selected = next;
            showSelected();
        }
    }

    private void showSelected() {
        boolean all = withAll && selected == 0;
        pane.show(feeds.get(selected), all ? Math.min(nameWidth, ProcessList.MAX_NAME_WIDTH) : 0);
        filter.reselect(shownProcesses(), pane);
    }

    /** The processes the log pane shows: the selected one, or all. */
    private List<Supervised> shownProcesses() {
        List<Supervised> processes = supervisor.processes();
        return withAll && selected == 0 ? processes : List.of(processes.get(withAll ? selected - 1 : selected));
    }

    private Optional<String> selectedName() {
        if (withAll && selected == 0) {
            return Optional.empty();
        }
        return Optional.of(names.get(withAll ? selected - 1 : selected));
    }

    private void say(String text) {
        message = text;
        messageAt = clock.nanoTime();
        messageAbout = Optional.empty();
    }

    /** Drops a message about a process whose status changed since: "web started" must not outlive web. */
    private void dropStaleMessage(List<ProcessState> states) {
        messageAbout.ifPresent(then -> {
            ProcessState now = states.get(then.id());
            if (now.status() != then.status() || now.run() != then.run()) {
                message = "";
                messageAbout = Optional.empty();
            }
        });
    }

    /**
     * Paints a frame into the screen's back buffer; the caller refreshes. When the only news since the last frame
     * is new lines in the log pane (most frames while processes print), only the pane is painted: the list, the
     * divider and the status bar are still in the back buffer as the last frame left them, since nothing else
     * writes there.
     */
    void draw(Screen screen) {
        Canvas canvas = new Canvas(screen, glyphs);
        List<ProcessState> states = supervisor.registry().board().states();
        long second = secondOf(clock.nanoTime());
        boolean whole = dirty
                || help
                || quitRequested
                || prompting
                || input.isOpen()
                || !results.isEmpty()
                || !notes.isEmpty()
                || pane.scanFinished()
                || second != drawnSecond
                || canvas.columns() != drawnColumns
                || canvas.rows() != drawnRows
                || ProcessList.differs(states, drawnStates);
        for (Said r = results.poll(); r != null; r = results.poll()) {
            say(r.text());
            messageAbout = r.about();
        }
        terminal.flush(screen); // after the results: a copy's sequence goes out in the frame that says "copied"
        StringBuilder noted = new StringBuilder();
        for (String note = notes.poll(); note != null; note = notes.poll()) {
            noted.append(noted.length() == 0 ? "" : " · ").append(note);
        }
        if (noted.length() > 0) {
            say(noted.toString());
        }
        pane.searchDone().ifPresent(this::say);
        drawnChanges = supervisor.registry().changes();
        drawnSecond = second;
        drawnAt = clock.nanoTime();
        drawnTotal = feeds.get(selected).total();
        filter.drawn();
        drawnColumns = canvas.columns();
        drawnRows = canvas.rows();
        dirty = false;

        int width = canvas.columns();
        int height = canvas.rows();
        if (width <= 0 || height <= 0) {
            return;
        }
        drawnStates = states;
        dropStaleMessage(states);
        int content = Math.max(0, height - 1);
        if (whole) { // a frame whose only news is new lines leaves the list and the status bar as they were drawn
            listWidth = zoomed ? 0 : ProcessList.widthFor(nameWidth, width);
            if (!zoomed) {
                list.paint(
                        canvas,
                        listWidth,
                        content,
                        states,
                        id -> supervisor.processes().get(id).sample(),
                        withAll,
                        selected,
                        nameWidth,
                        clock.now());
                for (int r = 0; r < content; r++) {
                    canvas.text(listWidth, r, "│", 1, Theme.DIM, Theme.BG, Canvas.PLAIN);
                }
            }
        }
        int paneCol = zoomed ? 0 : listWidth + 1;
        int paneWidth = Math.max(0, width - paneCol);
        paintPaneHeader(canvas, paneCol, paneWidth, states);
        pane.paint(canvas, paneCol, 1, paneWidth, Math.max(0, content - 1), names);
        if (feeds.get(selected).total() == 0) {
            Optional<Supervised> shown = selectedName().flatMap(supervisor::find);
            List<String> hint = PaneHint.of(shown, states, supervisor.origin());
            PaneHint.paint(canvas, paneCol, 1, paneWidth, Math.max(0, content - 1), hint);
        }
        if (whole) {
            paintStatusBar(canvas, height - 1, width, states);
        }
        if (help) {
            helpBox.paint(canvas);
        }
    }

    private void paintPaneHeader(Canvas canvas, int col, int width, List<ProcessState> states) {
        canvas.fill(col, 0, width, 1, Theme.BG);
        String left;
        String essential; // what the left part keeps before the right part drops its reminders
        if (withAll && selected == 0) {
            left = " all processes";
            essential = " all";
        } else {
            ProcessState s = states.get(withAll ? selected - 1 : selected);
            Supervised p = supervisor.processes().get(s.id());
            String reached = s.status().isLive() ? p.sample().portsAndUrls() : "";
            essential = " " + s.name() + " · " + s.statusWord() + (reached.isEmpty() ? "" : " · " + reached);
            left = essential + " · " + PaneTitle.detail(s, p.spec());
        }
        if (filter.on()) { // the filter and its counts replace the command: they say what the pane shows
            String filtered = " · " + filter.title();
            left = (withAll && selected == 0 ? left : essential) + filtered;
            essential = left; // the counts matter more than the reminders on the right
        }
        String right = paneHeaderRight(2);
        for (int detail = 1; detail >= 0 && width - Canvas.width(right) - 2 < Canvas.width(essential); detail--) {
            right = paneHeaderRight(detail);
        }
        int rightWidth = Canvas.width(right);
        int leftWidth = Math.max(0, width - rightWidth - 2); // a gap of two cells between the parts
        canvas.text(col, 0, ProcessList.cut(left, leftWidth), leftWidth, Theme.FG, Theme.BG, BOLD);
        canvas.text(col + Math.max(0, width - rightWidth), 0, right, width, Theme.DIM, Theme.BG, Canvas.PLAIN);
    }

    /**
     * The right part of the pane's header: following or paused, and the search. With less {@code detail} (2 to
     * 0) it leaves out first the reminders of the view's state, then those of the keys.
     */
    private String paneHeaderRight(int detail) {
        String right;
        if (pane.following()) {
            right = detail == 2 ? "following " : "";
        } else {
            long fresh = pane.newLines();
            boolean endFollows = detail == 2 && !copyMode.active(); // while selecting, End moves the selection
            right = "paused" + (fresh > 0 ? " · " + fresh + " new" : "") + (endFollows ? " · End to follow " : " ");
        }
        if (filter.scanning() && detail > 0) {
            right = "Esc to cancel · " + right;
        }
        if (zoomed && detail > 0) {
            right = (detail == 2 ? "zoom · z for the list · " : "zoom · ") + right;
        }
        String query = detail > 0 ? pane.query() : ProcessList.cut(pane.query(), 16);
        String gap = right.isEmpty() ? " " : " · ";
        if (pane.scanning()) {
            right = "/" + query + (detail > 0 ? " searching… (Esc to cancel)" : " searching…") + gap + right;
        } else if (pane.searching()) {
            right = "/" + query + (detail > 0 ? " (n older, N newer)" : "") + gap + right;
        }
        return right;
    }

    private void paintStatusBar(Canvas canvas, int row, int width, List<ProcessState> states) {
        canvas.fill(0, row, width, 1, Theme.BAR_BG);
        String name = " hum · " + title + " ";
        boolean withTitle = true;
        String text;
        if (quitRequested) {
            text = quitting.line(states, clock.nanoTime(), width);
        } else if (signals.isOpen()) {
            signals.paint(canvas, row, width);
            return;
        } else if (prompting) {
            text = promptFor == Action.FILTER
                    ? " filter: " + prompt + "▏  (text, or /regex/; Enter to filter, Esc to cancel)"
                    : " search: " + prompt + "▏  (Enter to find, Esc to cancel)";
        } else if (input.isOpen()) {
            text = input.prompt(width);
            withTitle = false; // the line being typed has the whole bar
        } else if (copyMode.active()) {
            text = CopyMode.HINT;
        } else if (!message.isEmpty() && clock.nanoTime() - messageAt < MESSAGE_NANOS) {
            text = " " + message;
        } else {
            String mouse = terminal.mouseCaptured() ? "" : " mouse: terminal's (m) ·";
            KeyBar.Bar bar = KeyBar.fit(width - Canvas.width(mouse), Canvas.width(name));
            text = mouse + bar.keys();
            withTitle = bar.withTitle();
        }
        int c = canvas.text(0, row, text, width, Theme.BAR_FG, Theme.BAR_BG, Canvas.PLAIN);
        int nameCol = width - Canvas.width(name);
        if (withTitle && nameCol > c) {
            canvas.text(nameCol, row, name, width - nameCol, Theme.BAR_FG, Theme.BAR_BG, BOLD);
        }
    }
}
