package vn.congvu.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import vn.congvu.api.Report;
import vn.congvu.store.Receipt;
import vn.congvu.store.StoreOutcome;

/**
 * Storing a report revision at the ministry with its receipt, exactly once: a revision already held is answered with
 * its first receipt (the same content) or as a conflict (other content). The receipt's number is the row's identity,
 * which the database hands out once across every node that shares it.
 */
final class ReportReceipts {

    private ReportReceipts() {
    }

    /**
     * Inside the caller's transaction. It checks before it inserts, so running it again (after its transaction was
     * rolled back, or lost a race with another node to the same revision) is safe.
     */
    static StoreOutcome store(Connection connection, Report report, String contentHash, Instant preparedAt)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredReportReads.COLUMNS + " FROM reports "
                + "WHERE province_code = ? AND period = ? AND regime = ? AND revision = ?")) {
            ReportRows.setKey(query, report.key());
            query.setInt(4, report.revision());
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    String storedHash = row.getString("content_hash");
                    Receipt first = new Receipt(row.getString("receipt_id"), row.getTimestamp("accepted_at").toInstant());
                    // a revision stored under the first canonical form has another hash for the same content:
                    // the content itself decides, so a retry after a lost answer stays a duplicate
                    if (storedHash.equals(contentHash) || StoredReportReads.read(connection, row).report().equals(report)) {
                        return new StoreOutcome.Duplicate(first);
                    }
                    return new StoreOutcome.Conflict(storedHash);
                }
            }
        }
        // to the microsecond, which every engine keeps (PostgreSQL drops nanoseconds): the receipt given now and the
        // one read back for a retry are the same
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long reportId;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reports (province_code, period, "
                + "regime, revision, content_hash, prepared_at, accepted_at, values_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ReportRows.setKey(insert, report.key());
            insert.setInt(4, report.revision());
            insert.setString(5, contentHash);
            insert.setTimestamp(6, Timestamp.from(preparedAt));
            insert.setTimestamp(7, Timestamp.from(acceptedAt));
            ReportRows.setValuesText(insert, 8, report);
            insert.executeUpdate();
            reportId = ReportRows.generatedKey(insert);
        }
        String receiptId = String.format("BNV-%d-%06d", acceptedAt.atZone(ZoneOffset.UTC).getYear(), reportId);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE reports SET receipt_id = ? WHERE report_id = ?")) {
            update.setString(1, receiptId);
            update.setLong(2, reportId);
            update.executeUpdate();
        }
        ReportRows.insertContent(connection, reportId, report);
        return new StoreOutcome.Stored(new Receipt(receiptId, acceptedAt));
    }
}
