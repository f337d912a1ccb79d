package vn.congvu.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.store.Receipt;
import vn.congvu.store.StoredReport;

/** Reading the ministry's stored reports: the latest revision of a key, of every key, of a period, every revision. */
final class StoredReportReads {

    /** The columns {@link #read} reads, in its order. */
    static final String COLUMNS = "report_id, province_code, period, regime, revision, "
            + "content_hash, prepared_at, receipt_id, accepted_at, values_text";

    private final Database database;

    StoredReportReads(Database database) {
        this.database = database;
    }

    Optional<StoredReport> latest(ReportKey key) {
        return database.inTransaction("reading report " + key, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM reports "
                    + "WHERE province_code = ? AND period = ? AND regime = ? ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY")) {
                ReportRows.setKey(query, key);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(read(connection, row)) : Optional.empty();
                }
            }
        });
    }

    List<StoredReport> latestOfEveryKey() {
        return database.inTransaction("listing reports", connection -> {
            List<StoredReport> reports = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM reports r WHERE revision = "
                         + "(SELECT MAX(revision) FROM reports l WHERE l.province_code = r.province_code "
                         + "AND l.period = r.period AND l.regime = r.regime) ORDER BY province_code, period, regime")) {
                while (rows.next()) {
                    reports.add(read(connection, rows));
                }
            }
            return reports;
        });
    }

    List<StoredReport> latestFor(Period period, Regime regime) {
        return database.inTransaction("listing the reports of " + period, connection -> {
            List<StoredReport> reports = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM reports r "
                    + "WHERE r.period = ? AND r.regime = ? AND r.revision = (SELECT MAX(revision) FROM reports l "
                    + "WHERE l.period = r.period AND l.regime = r.regime AND l.province_code = r.province_code) "
                    + "ORDER BY province_code")) {
                query.setString(1, period.toString());
                query.setString(2, regime.name());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        reports.add(read(connection, rows));
                    }
                }
            }
            return reports;
        });
    }

    List<StoredReport> revisions(ReportKey key) {
        return database.inTransaction("reading the revisions of " + key, connection -> {
            List<StoredReport> revisions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM reports "
                    + "WHERE province_code = ? AND period = ? AND regime = ? ORDER BY revision")) {
                ReportRows.setKey(query, key);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        revisions.add(read(connection, rows));
                    }
                }
            }
            return revisions;
        });
    }

    /** @return the stored report of the row, selected with {@link #COLUMNS} */
    static StoredReport read(Connection connection, ResultSet row) throws SQLException {
        ReportKey key = new ReportKey(row.getString(2), Period.parse(row.getString(3)), Regime.valueOf(row.getString(4)));
        Report report = ReportRows.readContent(connection, row.getLong(1), key, row.getInt(5), row.getString(10));
        return new StoredReport(report, new Receipt(row.getString(8), row.getTimestamp(9).toInstant()),
                row.getTimestamp(7).toInstant());
    }
}
