package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.congvu.store.internal.StoreFixtures.dossier;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordTypes;

/** A province database of schema version 2 (one row per record) keeps its records when it moves to chunks. */
class RecordChunksMigrationTest {

    @TempDir
    Path folder;

    @Test
    void recordsOfAnOlderDatabase_areReadAfterTheMigration_andStillReplacedByALaterImport() {
        Path path = folder.resolve("db");
        Record first = dossier("HS-1", "Sở Nội vụ", null);
        Record second = dossier("HS-2", "UBND huyện Bảo Lạc", "2022-03-10");
        try (Database older = new Database(path, "province", List.of("001-initial.sql", "002-findings.sql"))) {
            older.inTransaction("writing records the old way", connection -> {
                try (PreparedStatement imports = connection.prepareStatement("INSERT INTO imports (record_type, source_name, "
                        + "sha256, record_count, imported_at) VALUES ('dossier', 'cũ.csv', '" + "a".repeat(64) + "', 2, ?)")) {
                    imports.setTimestamp(1, Timestamp.from(Instant.now()));
                    imports.executeUpdate();
                }
                try (PreparedStatement records = connection.prepareStatement(
                        "INSERT INTO records (record_type, record_key, import_id, fields) VALUES ('dossier', ?, 1, ?)")) {
                    for (Record record : List.of(first, second)) {
                        records.setString(1, record.key());
                        records.setString(2, RecordText.encode(RecordTypes.DOSSIER, record));
                        records.executeUpdate();
                    }
                }
                return null;
            });
        }

        JdbcProvinceStore store = new JdbcProvinceStore(path);
        try {
            List<Record> read = new ArrayList<>();
            store.forEachRecord(RecordTypes.DOSSIER, read::add);
            assertEquals(List.of(first, second), read);

            Record corrected = dossier("HS-1", "Sở Nội vụ", "2022-04-01");
            store.importRecords(RecordTypes.DOSSIER, "mới.csv", "b".repeat(64), List.of(corrected));
            List<Record> after = new ArrayList<>();
            store.forEachRecord(RecordTypes.DOSSIER, after::add);
            assertEquals(List.of(corrected, second), after);
            assertEquals(2, store.countRecords(RecordTypes.DOSSIER));
        } finally {
            store.close();
        }
    }
}
