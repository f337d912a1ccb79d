package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;

/** A ministry database of schema version 4 (a row per figure) keeps its reports' figures after version 5. */
class ReportValuesTextMigrationTest {

    @TempDir
    Path folder;

    @Test
    void figuresStoredAsRows_areReadAfterTheMigration() {
        Path path = folder.resolve("db");
        try (Database older = new Database(path, "ministry", List.of("001-initial.sql", "002-findings.sql",
                "003-node-inventory.sql", "004-reports-by-period.sql"))) {
            older.inTransaction("writing a report the old way", connection -> {
                try (PreparedStatement report = connection.prepareStatement("INSERT INTO reports (province_code, period, regime, "
                        + "revision, content_hash, prepared_at, receipt_id, accepted_at) VALUES ('04', '2022', 'PERIODIC', 1, '"
                        + "a".repeat(64) + "', ?, 'BNV-2023-000001', ?)")) {
                    report.setTimestamp(1, Timestamp.from(Instant.parse("2023-01-05T00:00:00Z")));
                    report.setTimestamp(2, Timestamp.from(Instant.parse("2023-01-06T00:00:00Z")));
                    report.executeUpdate();
                }
                try (PreparedStatement value = connection.prepareStatement("INSERT INTO report_values (report_id, code, "
                        + "disaggregation, amount) VALUES (1, 'dossier.resolved', 'level=department', 48447)")) {
                    value.executeUpdate();
                }
                return null;
            });
        }

        JdbcMinistryStore store = new JdbcMinistryStore(path);
        try {
            assertEquals(List.of(new IndicatorValue("dossier.resolved", Disaggregation.of("level", "department"),
                    BigDecimal.valueOf(48447))), store.latest(new ReportKey("04", Period.year(2022), Regime.PERIODIC))
                    .orElseThrow().report().values());
        } finally {
            store.close();
        }
    }
}
