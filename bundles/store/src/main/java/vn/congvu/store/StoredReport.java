package vn.congvu.store;

import java.time.Instant;
import vn.congvu.api.Report;

/**
 * A report the ministry holds.
 *
 * @param report     the report, as received
 * @param receipt    its receipt
 * @param preparedAt when the province prepared it
 */
public record StoredReport(Report report, Receipt receipt, Instant preparedAt) {
}
