package vn.congvu.store;

import java.time.Instant;
import java.util.Optional;

/**
 * How the outbox stands, for the operator.
 *
 * @param pending          entries waiting to be sent
 * @param oldestPendingAt  when the oldest waiting entry was filed, if any wait
 * @param delivered        entries the ministry holds
 * @param refused          entries the ministry refused
 * @param failed           entries that failed in this node before they were sent
 */
public record OutboxStatus(long pending, Optional<Instant> oldestPendingAt, long delivered, long refused, long failed) {
}
