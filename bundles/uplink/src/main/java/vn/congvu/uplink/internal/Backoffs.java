package vn.congvu.uplink.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import vn.congvu.api.ReportKey;

/**
 * When the sender may try again: one shared backoff for transient trouble (everything waits), and one
 * backoff per report key for the ministry's own faults (that key waits, the others go on). Times are
 * {@link System#nanoTime()} readings passed in, so the class needs no clock. Used by the sender thread
 * only; kept in memory, so a restarted node tries every key once at once, which is what an operator who
 * restarts it wants.
 */
final class Backoffs {

    private record KeyWait(int failures, long untilNanos) {
    }

    private final Duration initial;
    private final Duration sharedCap;
    private final Duration keyCap;
    private final DoubleSupplier jitter;
    private final Map<ReportKey, KeyWait> keys = new HashMap<>();
    private int sharedFailures;
    private long sharedUntilNanos;

    /**
     * @param initial   the delay after a first failure
     * @param sharedCap the longest shared wait (transient trouble)
     * @param keyCap    the longest wait of one key (the ministry's own fault)
     * @param jitter    numbers in [0, 1)
     */
    Backoffs(Duration initial, Duration sharedCap, Duration keyCap, DoubleSupplier jitter) {
        this.initial = initial;
        this.sharedCap = sharedCap;
        this.keyCap = keyCap;
        this.jitter = jitter;
    }

    /**
     * @param now a nanoTime reading
     * @return how long everything must still wait, zero if nothing does
     */
    Duration sharedWait(long now) {
        return Duration.ofNanos(Math.max(0, sharedUntilNanos - now));
    }

    /**
     * @param now a nanoTime reading
     * @return the keys that must still wait
     */
    Set<ReportKey> keysWaiting(long now) {
        return keys.entrySet().stream().filter(entry -> entry.getValue().untilNanos() - now > 0)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param now     a nanoTime reading
     * @param atMost  the answer when no key waits
     * @return how long until the first waiting key may be tried, at most {@code atMost}
     */
    Duration untilNextKey(long now, Duration atMost) {
        long least = atMost.toNanos();
        for (KeyWait wait : keys.values()) {
            long left = wait.untilNanos() - now;
            if (left > 0) {
                least = Math.min(least, left);
            }
        }
        return Duration.ofNanos(least);
    }

    /**
     * Transient trouble: everything waits.
     *
     * @param now       a nanoTime reading
     * @param requested how long the ministry asked to wait (honoured up to the key cap), or zero
     * @return how long everything waits
     */
    Duration sharedFailure(long now, Duration requested) {
        sharedFailures++;
        Duration wait = max(RetryPolicy.backoff(sharedFailures, initial, sharedCap, jitter.getAsDouble()),
                min(requested, keyCap));
        sharedUntilNanos = now + wait.toNanos();
        return wait;
    }

    /**
     * The ministry's own fault with one key: that key waits. The ministry did answer, so the shared
     * backoff starts again from its first delay.
     *
     * @param key       the report key
     * @param now       a nanoTime reading
     * @param requested how long the ministry asked to wait, or zero
     * @return how long the key waits
     */
    Duration keyFailure(ReportKey key, long now, Duration requested) {
        sharedFailures = 0;
        int failures = keys.containsKey(key) ? keys.get(key).failures() + 1 : 1;
        Duration wait = max(RetryPolicy.backoff(failures, initial, keyCap, jitter.getAsDouble()), min(requested, keyCap));
        keys.put(key, new KeyWait(failures, now + wait.toNanos()));
        return wait;
    }

    /**
     * The entry of the key left the queue (a receipt, a refusal, a local failure): the key's next entry
     * is sent without waiting.
     *
     * @param key the report key
     */
    void settled(ReportKey key) {
        keys.remove(key);
    }

    /** The ministry answered: the next transient trouble starts again from the first delay. */
    void answered() {
        sharedFailures = 0;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
