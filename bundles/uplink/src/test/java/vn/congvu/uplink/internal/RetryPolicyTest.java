package vn.congvu.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.congvu.uplink.internal.RetryPolicy.Verdict;

class RetryPolicyTest {

    /** The table of the class Javadoc and the README, written out once more (statuses with a RetryInfo). */
    private static final Map<Status.Code, Verdict> TABLE = Map.ofEntries(
            Map.entry(Status.Code.OK, Verdict.DELIVERED),
            Map.entry(Status.Code.UNAVAILABLE, Verdict.RETRY_ALL),
            Map.entry(Status.Code.DEADLINE_EXCEEDED, Verdict.RETRY_ALL),
            Map.entry(Status.Code.RESOURCE_EXHAUSTED, Verdict.RETRY_ALL),
            Map.entry(Status.Code.CANCELLED, Verdict.RETRY_ALL),
            Map.entry(Status.Code.ABORTED, Verdict.RETRY_ALL),
            Map.entry(Status.Code.INVALID_ARGUMENT, Verdict.REFUSE),
            Map.entry(Status.Code.ALREADY_EXISTS, Verdict.REFUSE),
            Map.entry(Status.Code.FAILED_PRECONDITION, Verdict.REFUSE),
            Map.entry(Status.Code.OUT_OF_RANGE, Verdict.REFUSE),
            Map.entry(Status.Code.UNKNOWN, Verdict.RETRY_KEY),
            Map.entry(Status.Code.INTERNAL, Verdict.RETRY_KEY),
            Map.entry(Status.Code.UNIMPLEMENTED, Verdict.RETRY_KEY),
            Map.entry(Status.Code.NOT_FOUND, Verdict.RETRY_KEY),
            Map.entry(Status.Code.PERMISSION_DENIED, Verdict.RETRY_KEY),
            Map.entry(Status.Code.UNAUTHENTICATED, Verdict.RETRY_KEY),
            Map.entry(Status.Code.DATA_LOSS, Verdict.RETRY_KEY));

    @ParameterizedTest
    @EnumSource(Status.Code.class)
    void everyStatusCode_hasItsDocumentedVerdict(Status.Code code) {
        assertTrue(TABLE.containsKey(code), code + " is missing from the documented table");
        assertEquals(TABLE.get(code), RetryPolicy.verdict(code, true));
    }

    @ParameterizedTest
    @EnumSource(Status.Code.class)
    void withoutARetryDelay_onlyResourceExhaustedChanges_toRefused(Status.Code code) {
        assertEquals(code == Status.Code.RESOURCE_EXHAUSTED ? Verdict.REFUSE : TABLE.get(code),
                RetryPolicy.verdict(code, false));
    }

    @ParameterizedTest
    @EnumSource(Status.Code.class)
    void onlyUnansweredCalls_dropTheConnection(Status.Code code) {
        assertEquals(code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED,
                RetryPolicy.dropsConnection(code));
    }

    @Test
    void backoff_doublesFromTheInitialDelayUpToTheCap() {
        Duration initial = Duration.ofMillis(500);
        Duration cap = Duration.ofSeconds(10);

        assertEquals(Duration.ofMillis(500), RetryPolicy.backoff(1, initial, cap, 0.999_999));
        assertEquals(Duration.ofMillis(1000), RetryPolicy.backoff(2, initial, cap, 0.999_999));
        assertEquals(Duration.ofMillis(8000), RetryPolicy.backoff(5, initial, cap, 0.999_999));
        assertEquals(Duration.ofMillis(10_000), RetryPolicy.backoff(6, initial, cap, 0.999_999));
        assertEquals(Duration.ofMillis(10_000), RetryPolicy.backoff(10_000, initial, cap, 0.999_999));
    }

    @Test
    void backoff_jitterStaysBetweenHalfAndAllOfTheDelay() {
        Duration cap = Duration.ofSeconds(10);
        for (int failures = 1; failures < 40; failures++) {
            Duration least = RetryPolicy.backoff(failures, Duration.ofMillis(500), cap, 0);
            Duration most = RetryPolicy.backoff(failures, Duration.ofMillis(500), cap, 0.999_999);
            assertEquals(most.toMillis() / 2, least.toMillis(), "failure " + failures);
            assertFalse(most.compareTo(cap) > 0, "failure " + failures + " waits " + most);
        }
    }
}
