package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;

/** A province database of schema version 4 keeps its outbox after version 5: a rejection is now REFUSED. */
class OutboxDeliveryMigrationTest {

    @TempDir
    Path folder;

    @Test
    void rejectedEntryOfVersion4_isRefusedAfterTheMigration_andPendingOneStillGoes() {
        Path path = folder.resolve("db");
        try (Database older = new Database(path, "province", List.of("001-initial.sql", "002-findings.sql",
                "003-record-chunks.sql", "004-report-values-text.sql"))) {
            older.inTransaction("writing an outbox the old way", connection -> {
                for (int revision = 1; revision <= 2; revision++) {
                    try (PreparedStatement report = connection.prepareStatement("INSERT INTO reports (province_code, "
                            + "period, regime, revision, content_hash, prepared_at) VALUES ('04', '2022', 'PERIODIC', ?, ?, ?)")) {
                        report.setInt(1, revision);
                        report.setString(2, Integer.toString(revision).repeat(64));
                        report.setTimestamp(3, Timestamp.from(Instant.parse("2023-01-05T00:00:00Z")));
                        report.executeUpdate();
                    }
                }
                try (PreparedStatement outbox = connection.prepareStatement("INSERT INTO outbox (report_id, state, attempts) "
                        + "VALUES (1, 'REJECTED', 0), (2, 'PENDING', 3)")) {
                    outbox.executeUpdate();
                }
                return null;
            });
        }

        JdbcProvinceStore store = new JdbcProvinceStore(path);
        try {
            OutboxEntry refused = store.outboxEntry(1).orElseThrow();
            assertEquals(OutboxState.REFUSED, refused.state());
            assertNull(refused.lastStatus());
            assertEquals(1, store.outboxStatus().refused());
            OutboxEntry pending = store.nextPending().orElseThrow();
            assertEquals(2, pending.entryId());
            assertEquals(3, pending.attempts());
            assertNull(pending.firstFailedAt(), "not known for attempts made before version 5");
        } finally {
            store.close();
        }
    }
}
