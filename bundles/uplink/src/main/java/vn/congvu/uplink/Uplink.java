package vn.congvu.uplink;

import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxStatus;

/** Sends the province's outbox to the ministry and tells the operator how it stands. */
@ProviderType
public interface Uplink {

    /** @return how the outbox stands: depth, oldest waiting entry, delivered, rejected */
    OutboxStatus status();

    /**
     * Waits until an outbox entry is delivered or rejected, or the time is up.
     *
     * @param outboxEntryId the entry
     * @param timeout       how long to wait at most
     * @return the entry as it stands when the wait ends, or empty if there is no such entry
     * @throws InterruptedException if the wait is interrupted
     */
    Optional<OutboxEntry> awaitOutcome(long outboxEntryId, Duration timeout) throws InterruptedException;

    /**
     * Waits until nothing waits in the outbox (every entry delivered or rejected), or the time is up.
     *
     * @param timeout how long to wait at most
     * @return how the outbox stands when the wait ends
     * @throws InterruptedException if the wait is interrupted
     */
    OutboxStatus awaitDrained(Duration timeout) throws InterruptedException;
}
