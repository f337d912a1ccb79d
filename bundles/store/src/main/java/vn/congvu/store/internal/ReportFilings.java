package vn.congvu.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;
import vn.congvu.store.Filing;
import vn.congvu.store.Refusal;

/**
 * What the reporting calendar reads: when each report key was filed (from the reports table) and the latest refusal
 * of each key (the report_refusals table).
 */
final class ReportFilings {

    private final Database database;

    ReportFilings(Database database) {
        this.database = database;
    }

    /** @return every report key held, with its revisions and acceptance times, by province, period and regime */
    List<Filing> filings() {
        return database.inTransaction("listing the filings", connection -> {
            List<Filing> filings = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT province_code, period, regime, MAX(revision), COUNT(*), "
                         + "MIN(accepted_at), MAX(accepted_at) FROM reports GROUP BY province_code, period, regime "
                         + "ORDER BY province_code, period, regime")) {
                while (rows.next()) {
                    filings.add(new Filing(new ReportKey(rows.getString(1), Period.parse(rows.getString(2)),
                            Regime.valueOf(rows.getString(3))), rows.getInt(4), rows.getInt(5),
                            rows.getTimestamp(6).toInstant(), rows.getTimestamp(7).toInstant()));
                }
            }
            return filings;
        });
    }

    /** Keeps the refusal as the key's latest, replacing the one before. */
    void recordRefusal(Refusal refusal) {
        String problems = TextCodec.LINES.rows(refusal.problems().stream().map(List::of).toList());
        database.inTransaction("recording a refusal of " + refusal.key(), connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM report_refusals WHERE province_code = ? AND period = ? AND regime = ?")) {
                ReportRows.setKey(delete, refusal.key());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO report_refusals (province_code, "
                    + "period, regime, revision, refused_at, problem_count, problems) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ReportRows.setKey(insert, refusal.key());
                insert.setInt(4, refusal.revision());
                insert.setTimestamp(5, Timestamp.from(refusal.refusedAt()));
                insert.setInt(6, refusal.problemCount());
                insert.setString(7, problems);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param provinceCode one province's refusals, with their problems; null for every province's, without them
     * @return the latest refusal of every key refused, by province, period and regime
     */
    List<Refusal> refusals(String provinceCode) {
        return database.inTransaction("listing the refusals", connection -> {
            List<Refusal> refusals = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT province_code, period, regime, revision, "
                    + "refused_at, problem_count" + (provinceCode == null ? "" : ", problems") + " FROM report_refusals"
                    + (provinceCode == null ? "" : " WHERE province_code = ?") + " ORDER BY province_code, period, regime")) {
                if (provinceCode != null) {
                    query.setString(1, provinceCode);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        List<String> problems = provinceCode == null ? List.of() : TextCodec.LINES.readRows(rows.getString(7))
                                .stream().map(fields -> fields.get(0)).toList();
                        refusals.add(new Refusal(new ReportKey(rows.getString(1), Period.parse(rows.getString(2)),
                                Regime.valueOf(rows.getString(3))), rows.getInt(4), rows.getTimestamp(5).toInstant(),
                                rows.getInt(6), problems));
                    }
                }
            }
            return refusals;
        });
    }
}
