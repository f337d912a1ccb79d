package vn.congvu.trust.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many lines of one kind may be logged per minute: refusals caused by peers that have not proved who they are
 * must not let anyone who can reach the port fill the log. What is held back is counted and said once the minute
 * is over.
 */
public final class LogBudget {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int linesPerMinute;
    private final Clock clock;
    private Instant windowStart;
    private int logged;
    private int held;

    /**
     * @param linesPerMinute lines allowed per minute
     * @param clock          the time
     */
    public LogBudget(int linesPerMinute, Clock clock) {
        this.linesPerMinute = linesPerMinute;
        this.clock = clock;
        this.windowStart = clock.instant();
    }

    /** What may be logged now. */
    public record Allowance(boolean log, int heldBefore) {
    }

    /** @return whether this line may be logged, and how many were held back in the minute before it */
    public Allowance next() {
        return next(clock.instant());
    }

    /** As {@link #next()}, at the given time. */
    synchronized Allowance next(Instant now) {
        int heldBefore = 0;
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            heldBefore = held;
            windowStart = now;
            logged = 0;
            held = 0;
        }
        if (logged < linesPerMinute) {
            logged++;
            return new Allowance(true, heldBefore);
        }
        held++;
        return new Allowance(false, heldBefore);
    }
}
