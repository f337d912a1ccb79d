package vn.congvu.uplink;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Sends the province's outbox to the ministry and tells the operator how it stands. */
@ProviderType
public interface Uplink {

    /** @return how the outbox stands: depth, oldest waiting entry, delivered, refused, failed */
    OutboxSummary status();

    /**
     * The entries that need an operator's eye, oldest first: those waiting after at least one failed
     * attempt, those the ministry refused, and those that failed in this node before they were sent.
     *
     * @param limit how many at most
     * @return the entries, with their attempts, last status and error, and since when
     */
    List<Delivery> stuck(int limit);

    /**
     * Waits until an outbox entry is delivered, refused or failed, or the time is up.
     *
     * @param outboxEntryId the entry
     * @param timeout       how long to wait at most
     * @return the entry as it stands when the wait ends, or empty if there is no such entry
     * @throws InterruptedException if the wait is interrupted
     */
    Optional<Delivery> awaitOutcome(long outboxEntryId, Duration timeout) throws InterruptedException;

    /**
     * Waits until nothing waits in the outbox (every entry delivered, refused or failed), or the time is up.
     *
     * @param timeout how long to wait at most
     * @return how the outbox stands when the wait ends
     * @throws InterruptedException if the wait is interrupted
     */
    OutboxSummary awaitDrained(Duration timeout) throws InterruptedException;
}
