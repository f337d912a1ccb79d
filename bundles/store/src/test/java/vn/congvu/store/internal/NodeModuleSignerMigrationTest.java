package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;

/**
 * A ministry database of schema version 6 (inventories without signers) keeps its inventories after version 7:
 * their modules' signer is the empty text (not said), and a new inventory replaces one with its signers.
 */
class NodeModuleSignerMigrationTest {

    @TempDir
    Path folder;

    @Test
    void inventoryRecordedBeforeSigners_isReadWithNoSigner_thenReplacedWithTheSignersSent() {
        Path path = folder.resolve("db");
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        try (Database older = new Database(path, "ministry", JdbcMinistryStore.MIGRATIONS.subList(0, 6))) {
            older.inTransaction("writing an inventory the old way", connection -> {
                try (PreparedStatement status = connection.prepareStatement(
                        "INSERT INTO node_status (province_code, taken_at, last_seen) VALUES ('04', ?, ?)")) {
                    status.setTimestamp(1, Timestamp.from(since));
                    status.setTimestamp(2, Timestamp.from(since));
                    status.executeUpdate();
                }
                try (PreparedStatement module = connection.prepareStatement("INSERT INTO node_modules (province_code, "
                        + "module_id, version, jar_sha256, module_province, title_vi, legal_basis, since) VALUES ('04', "
                        + "'caobang.dossier-timeliness', '1.0.0', '" + "ab".repeat(32) + "', '04', 'Tỷ lệ hồ sơ đúng hạn', "
                        + "'Nghị định 61/2018/NĐ-CP', ?)")) {
                    module.setTimestamp(1, Timestamp.from(since));
                    module.executeUpdate();
                }
                return null;
            });
        }

        JdbcMinistryStore store = new JdbcMinistryStore(path);
        try {
            NodeModule before = new NodeModule("caobang.dossier-timeliness", "1.0.0", "ab".repeat(32), "04",
                    "Tỷ lệ hồ sơ đúng hạn", "Nghị định 61/2018/NĐ-CP", since, "");
            assertEquals(List.of(before), store.inventories().get(0).modules());

            NodeModule signed = new NodeModule("caobang.dossier-timeliness", "1.1.0", "cd".repeat(32), "04",
                    "Tỷ lệ hồ sơ đúng hạn", "Nghị định 61/2018/NĐ-CP", since, "CN=Sở Nội vụ Cao Bằng (sha256 1a2b3c4d5e6f)");
            store.recordInventory(new NodeInventory("04", Instant.now(), Instant.now(), List.of(signed)));
            assertEquals(List.of(signed), store.inventories().get(0).modules());
        } finally {
            store.close();
        }
    }
}
