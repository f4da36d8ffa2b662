package dev.hum.process;

/**
 * What a start, stop or restart did, in words for the status bar or an agent.
 *
 * @param ok false when the action could not be done (no such process, failed to start)
 * @param message one line for a person or a model, such as "web is already running"
 */
public record ActionResult(boolean ok, String message) {

    static ActionResult ok(String message) {
        return new ActionResult(true, message);
    }

    static ActionResult failed(String message) {
        return new ActionResult(false, message);
    }
}
