package vn.congvu.uplink;

import java.time.Instant;
import java.util.Optional;

/**
 * How the province's outbox stands, for the operator.
 *
 * @param pending         reports waiting to be sent
 * @param oldestPendingAt when the oldest waiting report was filed, if any wait
 * @param delivered       reports the ministry holds
 * @param refused         reports the ministry refused
 * @param failed          reports that failed in this node before they were sent
 */
public record OutboxSummary(long pending, Optional<Instant> oldestPendingAt, long delivered, long refused, long failed) {
}
