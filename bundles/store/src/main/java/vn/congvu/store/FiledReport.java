package vn.congvu.store;

import vn.congvu.api.Report;

/**
 * The outcome of filing a report on the province: the report as stored, with its revision.
 *
 * @param report        the report with the revision it was stored under
 * @param outboxEntryId the outbox entry that will send it (that of the earlier revision when unchanged)
 * @param unchanged     true when the latest revision already had the same content: nothing new was queued
 */
public record FiledReport(Report report, long outboxEntryId, boolean unchanged) {
}
