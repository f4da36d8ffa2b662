package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two processes' logs share one arrival clock; each gets one line, and right after api's an agent's
 * {@code logs_stream} reads {@link LogBuffer#settledArrival} and then both logs. Every line arriving below the
 * settled arrival must be in what the reader read, or a cursor set past it would skip it for good.
 *
 * <p>Result per log ({@code r1} web, {@code r2} api, which the agent always sees): 0 the reader saw the line;
 * 1 it did not, and the line arrived at or above the settled arrival (it comes in the next page); 2 it did not
 * although the line arrived below: lost. Any 2 is forbidden. Without the pending mark, reading only the clock,
 * 2 shows up: web takes arrival 0, api takes 1 and publishes, the agent reads the clock at 2 and sees api's
 * line, not web's.
 */
@JCStressTest
@Outcome(id = {"0, 0", "1, 0"}, expect = ACCEPTABLE, desc = "web's line seen, or held back for the next page")
@Outcome(expect = FORBIDDEN, desc = "a line below the settled arrival that the reader did not see")
@State
public class LogBufferSettledArrivalTest {

    private final AtomicLong clock = new AtomicLong();
    private final LogBuffer web = new LogBuffer(16, LogBuffer.MIN_BYTES, clock);
    private final LogBuffer api = new LogBuffer(16, LogBuffer.MIN_BYTES, clock);

    private long settled;
    private boolean sawWeb;
    private boolean sawApi;

    @Actor
    public void webPump() {
        web.appendNotice("listening");
    }

    /** The api's pump and then the agent, on one thread: jcstress schedules no more actors than cores. */
    @Actor
    public void apiPumpThenAgent() {
        api.appendNotice("ready");
        settled = LogBuffer.settledArrival(List.of(web, api));
        sawWeb = !web.tail(4).lines().isEmpty();
        sawApi = !api.tail(4).lines().isEmpty();
    }

    @Arbiter
    public void check(II_Result r) {
        r.r1 = outcome(sawWeb, web);
        r.r2 = outcome(sawApi, api);
    }

    private int outcome(boolean saw, LogBuffer log) {
        if (saw) {
            return 0;
        }
        LogLine line = log.tail(1).lines().get(0);
        return line.arrival() >= settled ? 1 : 2;
    }
}
