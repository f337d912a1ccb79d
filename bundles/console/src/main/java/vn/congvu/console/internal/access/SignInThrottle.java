package vn.congvu.console.internal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits sign-in attempts per account name and per remote address. An attempt is reserved before its password is
 * checked and, in the same step, refused if it could take the name or the address past its limit: failed sign-ins
 * within a fixed window plus the attempts still being checked. Checking first and counting after would let many
 * parallel requests pass the check before the first failure is counted. It is also refused while
 * {@value #IN_FLIGHT_PER_NAME} attempts of its name or {@value #IN_FLIGHT_PER_ADDRESS} from its address are being
 * checked, so that one client cannot hold the server's threads waiting for the password hash. The caller then confirms
 * the attempt's failure ({@link Attempt#failed}) or success ({@link Attempt#succeeded}), or closes it uncounted (the
 * password was not checked).
 *
 * <p>Bounded memory: at most {@value #KEPT} failure counters, the least recently touched forgotten first (an attacker
 * cycling through names still meets the limit of its address); an in-flight counter lives only while its requests do.
 */
final class SignInThrottle {

    static final int KEPT = 10_000;
    /** Attempts of one name checked at once: a person signs in once; a second one is a double click or a guesser. */
    static final int IN_FLIGHT_PER_NAME = 2;
    /** Attempts from one address checked at once (a shared office proxy has more people, each rarely signing in). */
    static final int IN_FLIGHT_PER_ADDRESS = 2;
    /** What an attempt refused while others are being checked is told to wait: a check takes well under a second. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(2);

    /** Why an attempt was refused. */
    enum Reason {
        /** The name or the address failed too often within the window; it waits for the window to end. */
        TOO_MANY_FAILURES,
        /** Other attempts of the name or from the address are being checked; try again in a moment. */
        IN_FLIGHT
    }

    /** A reservation or a refusal. */
    sealed interface Outcome permits Attempt, Refused {
    }

    /**
     * @param reason     why
     * @param retryAfter how long to wait before trying again
     */
    record Refused(Reason reason, Duration retryAfter) implements Outcome {
    }

    private record Count(Instant since, int failures) {
    }

    private final int perName;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    /** Guarded by itself, as are {@link #inFlight} and every {@link Attempt}'s state. */
    private final Map<String, Count> counts = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > KEPT;
        }
    };
    private final Map<String, Integer> inFlight = new HashMap<>();

    SignInThrottle(int perName, int perAddress, Duration window, Clock clock) {
        this.perName = perName;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Reserves an attempt, or refuses it.
     *
     * @param name    the account name tried, or "" if it is not a valid name (then only its address is limited: the
     *                invalid names of different people must not share one counter)
     * @param address the remote address
     * @return an {@link Attempt} to confirm or close, or why not and for how long
     */
    Outcome reserve(String name, String address) {
        String nameKey = name.isEmpty() ? null : "n:" + name;
        String addressKey = "a:" + address;
        Instant now = clock.instant();
        synchronized (counts) {
            Duration wait = longer(failureWait(nameKey, perName, now), failureWait(addressKey, perAddress, now));
            if (!wait.isZero()) {
                return new Refused(Reason.TOO_MANY_FAILURES, wait);
            }
            if (busy(nameKey, perName, IN_FLIGHT_PER_NAME, now) || busy(addressKey, perAddress, IN_FLIGHT_PER_ADDRESS, now)) {
                return new Refused(Reason.IN_FLIGHT, BUSY_RETRY);
            }
            add(nameKey, 1);
            add(addressKey, 1);
            return new Attempt(nameKey, addressKey);
        }
    }

    /** @return the failure counters kept */
    int size() {
        synchronized (counts) {
            return counts.size();
        }
    }

    /** @return the attempts being checked (0 when every attempt was confirmed or closed) */
    int inFlight() {
        synchronized (counts) { // every attempt has an address, and only one
            return inFlight.entrySet().stream().filter(entry -> entry.getKey().startsWith("a:"))
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    private Duration failureWait(String key, int limit, Instant now) {
        Count count = key == null ? null : counts.get(key);
        if (count == null || count.failures() < limit) {
            return Duration.ZERO;
        }
        Instant until = count.since().plus(window);
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Whether one more attempt could, should all those being checked fail, go past the limit, or is one too many at once. */
    private boolean busy(String key, int limit, int atOnce, Instant now) {
        if (key == null) {
            return false;
        }
        int checking = inFlight.getOrDefault(key, 0);
        return checking >= atOnce || failures(key, now) + checking >= limit;
    }

    private int failures(String key, Instant now) {
        Count count = counts.get(key);
        return count == null || !now.isBefore(count.since().plus(window)) ? 0 : count.failures();
    }

    private void add(String key, int delta) {
        if (key != null) {
            inFlight.merge(key, delta, (was, plus) -> was + plus == 0 ? null : was + plus);
        }
    }

    private void countFailure(String key, Instant now) {
        if (key == null) {
            return;
        }
        Count count = counts.get(key);
        if (count == null || !now.isBefore(count.since().plus(window))) {
            counts.put(key, new Count(now, 1));
        } else {
            counts.put(key, new Count(count.since(), count.failures() + 1));
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * A reserved attempt: confirm it once with {@link #failed} or {@link #succeeded}; {@link #close} releases it
     * uncounted if neither was called (the password could not be checked), and does nothing after either.
     */
    final class Attempt implements Outcome, AutoCloseable {

        private final String nameKey;
        private final String addressKey;
        private boolean open = true;

        private Attempt(String nameKey, String addressKey) {
            this.nameKey = nameKey;
            this.addressKey = addressKey;
        }

        /** Counts the failure against the name and the address, and releases the reservation. */
        void failed() {
            Instant now = clock.instant();
            synchronized (counts) {
                if (release()) {
                    countFailure(nameKey, now);
                    countFailure(addressKey, now);
                }
            }
        }

        /** Forgets the name's failures (the address's stay: others may be guessing from it), and releases. */
        void succeeded() {
            synchronized (counts) {
                if (release() && nameKey != null) {
                    counts.remove(nameKey);
                }
            }
        }

        @Override
        public void close() {
            synchronized (counts) {
                release();
            }
        }

        private boolean release() {
            if (!open) {
                return false;
            }
            open = false;
            add(nameKey, -1);
            add(addressKey, -1);
            return true;
        }
    }
}
