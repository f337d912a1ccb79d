package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.congvu.store.internal.StoreFixtures.dossier;
import static vn.congvu.store.internal.StoreFixtures.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.store.FiledReport;

/** Derby's online backup of a store that keeps serving, and the copy opened as a store of its own. */
class DatabaseBackupTest {

    @TempDir
    Path folder;

    @Test
    void backupTo_whileFilingGoesOn_copyOpensWithEverythingFiledBeforeAndTheStoreKeepsServing() throws Exception {
        JdbcProvinceStore store = new JdbcProvinceStore(folder.resolve("province-db"));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            store.importRecords(RecordTypes.DOSSIER, "hồ-sơ.csv", "a".repeat(64),
                    List.of(dossier("HS-1", "UBND huyện Bảo Lạc", "2022-03-10")));
            FiledReport before = store.fileReport(report(48447), Instant.now());
            AtomicBoolean backedUp = new AtomicBoolean();
            Future<Integer> filings = writer.submit(() -> {
                int filed = 0;
                for (long resolved = 1; !backedUp.get() || filed == 0; resolved++) {
                    store.fileReport(report(StoreFixtures.CAO_BANG_2021, resolved), Instant.now());
                    filed++;
                }
                return filed;
            });

            Files.createDirectories(folder.resolve("backup"));
            Path copy = store.backupTo(folder.resolve("backup"));
            backedUp.set(true);
            assertTrue(filings.get(60, TimeUnit.SECONDS) > 0);

            assertEquals(folder.resolve("backup/province-db").toAbsolutePath(), copy);
            assertEquals(folder.resolve("province-db").toAbsolutePath(), store.database().orElseThrow());
            JdbcProvinceStore restored = new JdbcProvinceStore(copy);
            try {
                assertEquals(1, restored.countRecords(RecordTypes.DOSSIER));
                assertEquals(before.report(), restored.outboxEntry(before.outboxEntryId()).orElseThrow().report());
                FiledReport next = restored.fileReport(report(48448), Instant.now());
                assertEquals(before.report().revision() + 1, next.report().revision());
            } finally {
                restored.close();
            }
        } finally {
            writer.shutdownNow();
            store.close();
        }
    }

    @Test
    void backupTo_copyAlreadyThere_refusedAndNothingOverwritten() throws Exception {
        JdbcMinistryStore store = new JdbcMinistryStore(folder.resolve("ministry-db"));
        try {
            Files.createDirectories(folder.resolve("backup/ministry-db"));
            Files.writeString(folder.resolve("backup/ministry-db/keep.txt"), "giữ nguyên");

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> store.backupTo(folder.resolve("backup")));

            assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
            assertEquals("giữ nguyên", Files.readString(folder.resolve("backup/ministry-db/keep.txt")));
        } finally {
            store.close();
        }
    }

    @Test
    void onPostgresql_thereIsNoFolderToCopy_andACopyIsRefusedNamingTheServersOwnTools() {
        JdbcProvinceStore store = StoreEngine.POSTGRESQL.place(folder).province();
        try {
            assertTrue(store.database().isEmpty());
            assertTrue(store.location().startsWith("jdbc:postgresql://127.0.0.1:"), store.location());
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> store.backupTo(folder));
            assertTrue(refused.getMessage().contains("pg_dump"), refused.getMessage());
        } finally {
            store.close();
        }
    }
}
