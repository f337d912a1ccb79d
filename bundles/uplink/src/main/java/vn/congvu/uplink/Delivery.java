package vn.congvu.uplink;

import java.time.Instant;
import java.util.List;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;

/**
 * A filed report on its way to the ministry, or gone: what the operator and the filing command are told.
 *
 * @param entryId       the outbox entry; the entries of one report key are sent in this order
 * @param report        the report
 * @param preparedAt    when the province filed it
 * @param state         where it stands
 * @param attempts      how many times sending it failed for a reason worth retrying
 * @param lastStatus    the gRPC status of the last attempt (such as {@code UNAVAILABLE}), {@code LOCAL} for a
 *                      failure inside this node, or null if it was never tried
 * @param lastError     the last failure, or null
 * @param firstFailedAt when an attempt first failed, or null
 * @param lastAttemptAt when it was last tried, or null
 * @param receiptId     the ministry's receipt id once delivered, or null
 * @param acceptedAt    when the ministry accepted it, or null
 * @param problems      why the ministry refused it, when refused
 */
public record Delivery(long entryId, Report report, Instant preparedAt, DeliveryState state, int attempts,
                       String lastStatus, String lastError, Instant firstFailedAt, Instant lastAttemptAt,
                       String receiptId, Instant acceptedAt, List<Problem> problems) {

    /** Copies the problems. */
    public Delivery {
        problems = List.copyOf(problems);
    }
}
