package dev.hum.state;

/** How a run ended: not at all yet, with an exit code, or by a signal. */
public sealed interface Exit {

    /** The run has not ended (or never began). */
    @SuppressWarnings("ClassInitializationDeadlock") // only NONE creates a None, so None never initialises first
    Exit NONE = new None();

    /** No exit yet. */
    record None() implements Exit {}

    /** The process called exit with this code. */
    record Code(int code) implements Exit {}

    /** The process was terminated by this signal number. */
    record Signal(int number) implements Exit {}

    /** The conventional shell status for this exit: the code, or 128 + the signal number. */
    default int shellStatus() {
        // Java 17 has no pattern switch; the three cases are all there is (sealed).
        if (this instanceof Code code) {
            return code.code();
        }
        if (this instanceof Signal signal) {
            return 128 + signal.number();
        }
        return 0;
    }
}
