package vn.congvu.ministry;

import java.time.Instant;
import vn.congvu.api.Report;

/**
 * A report the ministry holds, with the receipt it issued.
 *
 * @param report     the report, as received
 * @param receiptId  the receipt's id, such as {@code BNV-2026-000001}
 * @param acceptedAt when the ministry stored it
 * @param preparedAt when the province prepared it
 */
public record ReceivedReport(Report report, String receiptId, Instant acceptedAt, Instant preparedAt) {
}
