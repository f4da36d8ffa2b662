package dev.hum.tui;

/** What a key (or mouse gesture) asks the dashboard to do. */
enum Action {
    SELECT_UP,
    SELECT_DOWN,
    START,
    STOP,
    RESTART,
    INPUT,
    SIGNAL,
    PAGE_UP,
    PAGE_DOWN,
    FOLLOW,
    OLDEST,
    SEARCH,
    NEXT_MATCH,
    PREVIOUS_MATCH,
    TOGGLE_WRAP,
    SELECT_LINES,
    COPY,
    TOGGLE_MOUSE,
    FILTER,
    ZOOM,
    TOGGLE_TIMES,
    HELP,
    SUSPEND,
    QUIT,
    CANCEL
}
