package vn.congvu.uplink.internal;

import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;
import vn.congvu.store.OutboxStatus;
import vn.congvu.uplink.Delivery;
import vn.congvu.uplink.DeliveryState;
import vn.congvu.uplink.OutboxSummary;

/** The store's outbox rows as the uplink's own values, so that no caller of the uplink depends on the store. */
final class Deliveries {

    private Deliveries() {
    }

    static Delivery of(OutboxEntry entry) {
        return new Delivery(entry.entryId(), entry.report(), entry.preparedAt(), state(entry.state()),
                entry.attempts(), entry.lastStatus(), entry.lastError(), entry.firstFailedAt(), entry.lastAttemptAt(),
                entry.receiptId(), entry.acceptedAt(), entry.problems());
    }

    /** A switch, not the name: a state added to the store's outbox must be given its meaning here to compile. */
    private static DeliveryState state(OutboxState state) {
        return switch (state) {
            case PENDING -> DeliveryState.PENDING;
            case DELIVERED -> DeliveryState.DELIVERED;
            case REFUSED -> DeliveryState.REFUSED;
            case FAILED -> DeliveryState.FAILED;
        };
    }

    static OutboxSummary of(OutboxStatus status) {
        return new OutboxSummary(status.pending(), status.oldestPendingAt(), status.delivered(), status.refused(),
                status.failed());
    }
}
