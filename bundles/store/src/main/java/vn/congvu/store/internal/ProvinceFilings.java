package vn.congvu.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import vn.congvu.api.Report;
import vn.congvu.store.FiledReport;
import vn.congvu.store.OutboxState;

/** Filing a report at the province: its next revision, or the one already filed with the same content. */
final class ProvinceFilings {

    private ProvinceFilings() {
    }

    /**
     * Inside the caller's transaction, which must be the only filing running (each reads the latest revision of its
     * key before writing the next).
     */
    static FiledReport file(Connection connection, Report draft, Instant preparedAt) throws SQLException {
        String contentHash = draft.contentHash();
        try (PreparedStatement latest = connection.prepareStatement(
                "SELECT r.revision, r.content_hash, o.entry_id, o.state FROM reports r "
                        + "JOIN outbox o ON o.report_id = r.report_id "
                        + "WHERE r.province_code = ? AND r.period = ? AND r.regime = ? "
                        + "ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY")) {
            ReportRows.setKey(latest, draft.key());
            try (ResultSet row = latest.executeQuery()) {
                if (row.next()) {
                    int revision = row.getInt(1);
                    // a refused or failed revision is never sent again: the same content, filed once the
                    // fault is fixed (the ministry's, the network's, or this node's), goes as a new revision
                    boolean settledBadly = OutboxState.REFUSED.name().equals(row.getString(4))
                            || OutboxState.FAILED.name().equals(row.getString(4));
                    if (row.getString(2).equals(contentHash) && !settledBadly) {
                        return new FiledReport(draft.withRevision(revision), row.getLong(3), true);
                    }
                    return insert(connection, draft.withRevision(revision + 1), contentHash, preparedAt);
                }
            }
        }
        return insert(connection, draft.withRevision(1), contentHash, preparedAt);
    }

    private static FiledReport insert(Connection connection, Report report, String contentHash, Instant preparedAt)
            throws SQLException {
        long reportId;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reports (province_code, period, regime, revision, content_hash, prepared_at, values_text) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ReportRows.setKey(insert, report.key());
            insert.setInt(4, report.revision());
            insert.setString(5, contentHash);
            insert.setTimestamp(6, Timestamp.from(preparedAt));
            ReportRows.setValuesText(insert, 7, report);
            insert.executeUpdate();
            reportId = ReportRows.generatedKey(insert);
        }
        ReportRows.insertContent(connection, reportId, report);
        try (PreparedStatement queue = connection.prepareStatement(
                "INSERT INTO outbox (report_id, state) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            queue.setLong(1, reportId);
            queue.setString(2, OutboxState.PENDING.name());
            queue.executeUpdate();
            return new FiledReport(report, ReportRows.generatedKey(queue), false);
        }
    }
}
