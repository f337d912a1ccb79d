package vn.congvu.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;

class BackoffsTest {

    private static final ReportKey Q1 = new ReportKey("04", Period.parse("2022-Q1"), Regime.PERIODIC);
    private static final ReportKey Q2 = new ReportKey("04", Period.parse("2022-Q2"), Regime.PERIODIC);
    private static final long SECOND = 1_000_000_000L;

    /** No jitter: every wait is its whole delay. */
    private final Backoffs backoffs = new Backoffs(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(10),
            () -> 0.999_999_9);

    @Test
    void keyTheMinistryFailsOn_waitsAloneAndLonger_othersGoOn() {
        assertEquals(Duration.ofMillis(500), backoffs.keyFailure(Q1, 0, Duration.ZERO));
        assertEquals(Duration.ofMillis(1000), backoffs.keyFailure(Q1, 0, Duration.ZERO));

        assertEquals(Set.of(Q1), backoffs.keysWaiting(0));
        assertEquals(Duration.ZERO, backoffs.sharedWait(0), "the other keys do not wait");
        assertEquals(Set.of(), backoffs.keysWaiting(2 * SECOND));
        assertEquals(Duration.ofMillis(1000), backoffs.untilNextKey(0, Duration.ofSeconds(5)));
    }

    @Test
    void keyBackoff_isCappedAtTheKeyCap() {
        Duration wait = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            wait = backoffs.keyFailure(Q1, 0, Duration.ZERO);
        }
        assertEquals(Duration.ofMinutes(10), wait);
    }

    @Test
    void transientTrouble_everyoneWaits_atLeastAsLongAsAsked_andAnAnswerStartsAgain() {
        backoffs.sharedFailure(0, Duration.ZERO);
        backoffs.sharedFailure(0, Duration.ZERO);
        assertEquals(Duration.ofMillis(1000), backoffs.sharedWait(0));
        assertEquals(Duration.ofSeconds(30), backoffs.sharedFailure(0, Duration.ofSeconds(30)), "RetryInfo honoured");

        backoffs.answered();

        assertEquals(Duration.ofMillis(500), backoffs.sharedFailure(0, Duration.ZERO));
    }

    @Test
    void sharedBackoff_isCappedAtTheLongestBackoff_andARetryInfoAtTheKeyCap() {
        Duration wait = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            wait = backoffs.sharedFailure(0, Duration.ZERO);
        }
        assertEquals(Duration.ofSeconds(10), wait);
        assertEquals(Duration.ofMinutes(10), backoffs.sharedFailure(0, Duration.ofDays(2)));
    }

    @Test
    void settledKey_isSentAgainAtOnce() {
        backoffs.keyFailure(Q1, 0, Duration.ZERO);
        backoffs.keyFailure(Q2, 0, Duration.ZERO);

        backoffs.settled(Q1);

        assertEquals(Set.of(Q2), backoffs.keysWaiting(0));
        assertTrue(backoffs.untilNextKey(0, Duration.ofSeconds(5)).toMillis() <= 500);
    }
}
