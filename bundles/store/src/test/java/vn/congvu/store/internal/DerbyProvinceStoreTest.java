package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.congvu.store.internal.StoreFixtures.dossier;
import static vn.congvu.store.internal.StoreFixtures.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.Problem;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.store.FiledReport;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;
import vn.congvu.store.StoreException;

class DerbyProvinceStoreTest {

    @TempDir
    Path folder;
    private DerbyProvinceStore store;

    @BeforeEach
    void open() {
        store = new DerbyProvinceStore(folder.resolve("db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void importRecords_vietnameseTextAndEmptyFields_readBackIntact() {
        List<Record> records = List.of(dossier("HS-1", "UBND huyện Bảo Lạc", "2022-03-10"),
                dossier("HS-2", "Sở Tư pháp tỉnh Cao Bằng", null));

        store.importRecords(RecordTypes.DOSSIER, "hồ-sơ.csv", "a".repeat(64), records);

        List<Record> read = new ArrayList<>();
        store.forEachRecord(RecordTypes.DOSSIER, read::add);
        assertEquals(records.size(), read.size());
        assertTrue(read.containsAll(records), read.toString());
    }

    @Test
    void importRecords_sameFileTwice_changesNothing() {
        List<Record> records = List.of(dossier("HS-1", "Sở Nội vụ", "2022-03-10"));
        ImportSummary first = store.importRecords(RecordTypes.DOSSIER, "a.csv", "b".repeat(64), records);

        ImportSummary second = store.importRecords(RecordTypes.DOSSIER, "a-copy.csv", "b".repeat(64), records);

        assertFalse(first.alreadyKnown());
        assertTrue(second.alreadyKnown());
        assertEquals(first.importId(), second.importId());
        assertEquals(1, store.countRecords(RecordTypes.DOSSIER));
    }

    @Test
    void importRecords_laterFileWithSameKey_replacesTheRecord() {
        store.importRecords(RecordTypes.DOSSIER, "a.csv", "c".repeat(64), List.of(dossier("HS-1", "Sở Nội vụ", null)));
        Record corrected = dossier("HS-1", "Sở Nội vụ", "2022-04-01");

        store.importRecords(RecordTypes.DOSSIER, "b.csv", "d".repeat(64), List.of(corrected));

        List<Record> read = new ArrayList<>();
        store.forEachRecord(RecordTypes.DOSSIER, read::add);
        assertEquals(List.of(corrected), read);
    }

    @Test
    void importRecords_databaseFailsAfterTheFirstBatch_nothingIsWritten() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            records.add(dossier("HS-" + i, "UBND xã Đức Long", "2022-03-10"));
        }
        // a line feed in a field is refused by the store, well after the first batch of chunks went in
        records.add(dossier("HS-70000", "UBND xã\nĐức Long", "2022-03-10"));

        StoreException error = assertThrows(StoreException.class,
                () -> store.importRecords(RecordTypes.DOSSIER, "lớn.csv", "e".repeat(64), records));

        assertTrue(error.getMessage().startsWith("importing 70001 dossier records from lớn.csv"), error.getMessage());
        assertEquals(0, store.countRecords(RecordTypes.DOSSIER));
        ImportSummary retried = store.importRecords(RecordTypes.DOSSIER, "lớn.csv", "e".repeat(64), records.subList(0, 70_000));
        assertFalse(retried.alreadyKnown(), "a failed import must not count as imported");
        assertEquals(70_000, store.countRecords(RecordTypes.DOSSIER));
    }

    @Test
    void fileReport_revisionsFollowContent() {
        FiledReport first = store.fileReport(report(48447), Instant.now());
        FiledReport same = store.fileReport(report(48447), Instant.now());
        FiledReport corrected = store.fileReport(report(48448), Instant.now());

        assertEquals(1, first.report().revision());
        assertTrue(same.unchanged());
        assertEquals(first.outboxEntryId(), same.outboxEntryId());
        assertEquals(2, corrected.report().revision());
        assertEquals(2, store.outboxStatus().pending());
    }

    @Test
    void outbox_entriesLeaveInOrderAndKeepTheirOutcome() {
        FiledReport first = store.fileReport(report(1), Instant.now());
        FiledReport second = store.fileReport(report(2), Instant.now());

        OutboxEntry next = store.nextPending().orElseThrow();
        assertEquals(first.outboxEntryId(), next.entryId());
        assertEquals(first.report(), next.report());

        store.recordFailedAttempt(next.entryId(), "UNAVAILABLE: connection refused");
        store.markDelivered(next.entryId(), "BNV-2026-000001", Instant.parse("2026-01-05T00:00:00Z"));
        Problem problem = Problem.permanent("key.province_code", "province.unknown", "Mã tỉnh không hợp lệ", "unknown province");
        store.markRejected(second.outboxEntryId(), List.of(problem));

        OutboxEntry delivered = store.outboxEntry(first.outboxEntryId()).orElseThrow();
        assertEquals(OutboxState.DELIVERED, delivered.state());
        assertEquals(1, delivered.attempts());
        assertEquals("BNV-2026-000001", delivered.receiptId());
        assertEquals(List.of(problem), store.outboxEntry(second.outboxEntryId()).orElseThrow().problems());
        assertTrue(store.nextPending().isEmpty());
        assertEquals(0, store.outboxStatus().pending());
        assertTrue(store.outboxStatus().oldestPendingAt().isEmpty());
    }
}
