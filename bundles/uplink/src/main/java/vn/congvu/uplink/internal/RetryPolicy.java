package vn.congvu.uplink.internal;

import io.grpc.Status;
import java.time.Duration;

/**
 * What the uplink does after the ministry answers a submission with a gRPC status: the one table of
 * retry decisions, and the backoff delays. Pure: no clock, no randomness of its own, no I/O.
 *
 * <p>The reference is OpenTelemetry's OTLP/gRPC exporter, whose retryable codes are CANCELLED,
 * DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS and RESOURCE_EXHAUSTED (the last only
 * with {@code RetryInfo}, as here). Two differences, both because a report is a legal document that a human may
 * have to fix: OUT_OF_RANGE is about the report's content here (a value or period outside what the
 * ministry accepts), so it is refused, not retried; and codes that mean the ministry itself is broken or
 * mis-configured are retried for the one report only, so that one report the ministry cannot take never
 * holds back the others.
 *
 * <table>
 * <caption>gRPC status → what happens to the outbox entry</caption>
 * <tr><th>status</th><th>verdict</th><th>what happens</th></tr>
 * <tr><td>OK</td><td>{@link Verdict#DELIVERED}</td><td>the receipt is kept; the entry is done</td></tr>
 * <tr><td>UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, ABORTED, and RESOURCE_EXHAUSTED with a RetryInfo</td>
 *     <td>{@link Verdict#RETRY_ALL}</td>
 *     <td>transient trouble of the ministry or the network: every report key waits for the one shared
 *     backoff (at least as long as a {@code google.rpc.RetryInfo} asks), then the same entry is sent again.
 *     After UNAVAILABLE or DEADLINE_EXCEEDED the connection is dropped, so the next try dials anew</td></tr>
 * <tr><td>INVALID_ARGUMENT, ALREADY_EXISTS, FAILED_PRECONDITION, OUT_OF_RANGE, and RESOURCE_EXHAUSTED without a
 *     RetryInfo (a message over the ministry's size limit)</td><td>{@link Verdict#REFUSE}</td>
 *     <td>caused by the report's content: the entry is marked REFUSED with the ministry's reasons and never
 *     retried; filing the period again files a new revision</td></tr>
 * <tr><td>UNKNOWN, INTERNAL, UNIMPLEMENTED, NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED, DATA_LOSS</td>
 *     <td>{@link Verdict#RETRY_KEY}</td>
 *     <td>the ministry's own fault or set-up, or this node's certificate (PERMISSION_DENIED: it names another
 *     province than the node's settings; UNAUTHENTICATED: it was revoked or expired): this report key is
 *     retried later with its own backoff (capped, 10 minutes by default) while the other keys go on, so that
 *     the report goes once the operator has fixed the certificate</td></tr>
 * </table>
 *
 * <p>A failure inside the province before anything is sent (the message cannot be built) is no status
 * at all: the entry is marked FAILED with the error (see {@link DeliveryAttempt}).
 */
final class RetryPolicy {

    /** What a status means for the entry that was sent. */
    enum Verdict {
        /** The ministry holds the report. */
        DELIVERED,
        /** Transient trouble: everything waits for the shared backoff. */
        RETRY_ALL,
        /** The report's content is at fault: refused, never retried. */
        REFUSE,
        /** The ministry is at fault: this key waits for its own backoff, the others go on. */
        RETRY_KEY
    }

    private RetryPolicy() {
    }

    /**
     * The table. A switch with no default: a status code added to grpc-java fails the build here rather
     * than being guessed.
     *
     * @param code      the status the ministry (or the channel) answered with
     * @param retryInfo whether the status carried a {@code google.rpc.RetryInfo}
     * @return what happens to the entry
     */
    static Verdict verdict(Status.Code code, boolean retryInfo) {
        return switch (code) {
            case OK -> Verdict.DELIVERED;
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, ABORTED -> Verdict.RETRY_ALL;
            // with a retry delay the ministry is busy; without one it is grpc-java refusing a message over
            // the ministry's size limit, which the same report would meet again
            case RESOURCE_EXHAUSTED -> retryInfo ? Verdict.RETRY_ALL : Verdict.REFUSE;
            case INVALID_ARGUMENT, ALREADY_EXISTS, FAILED_PRECONDITION, OUT_OF_RANGE -> Verdict.REFUSE;
            case UNKNOWN, INTERNAL, UNIMPLEMENTED, NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED, DATA_LOSS ->
                    Verdict.RETRY_KEY;
        };
    }

    /**
     * @param code a status code
     * @return whether the connection should be dropped after it: the ministry did not answer, so the
     *     connection may be one that is open but silent (a firewall, a half-dead peer)
     */
    static boolean dropsConnection(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }

    /**
     * Exponential backoff with "equal jitter": the n-th consecutive failure waits between half and all of
     * {@code min(initial * 2^(n-1), cap)}, so that provinces that lost the ministry together do not all
     * come back in the same millisecond, yet none waits longer than the cap.
     *
     * @param failures how many consecutive failures, 1 or more
     * @param initial  the delay after the first failure
     * @param cap      the longest delay
     * @param random   a number in [0, 1), the jitter
     * @return how long to wait
     */
    static Duration backoff(int failures, Duration initial, Duration cap, double random) {
        long capMillis = cap.toMillis();
        long base = initial.toMillis();
        for (int i = 1; i < failures && base < capMillis; i++) {
            base *= 2;
        }
        base = Math.min(base, capMillis);
        long half = base / 2;
        return Duration.ofMillis(half + Math.round((base - half) * Math.min(Math.max(random, 0), 1)));
    }
}
