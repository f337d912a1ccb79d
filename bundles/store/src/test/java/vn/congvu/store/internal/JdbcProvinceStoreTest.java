package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.congvu.store.internal.StoreFixtures.dossier;
import static vn.congvu.store.internal.StoreFixtures.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.congvu.api.Problem;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.store.FiledReport;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.ProvinceStore;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;

class JdbcProvinceStoreTest extends OnEachEngine<JdbcProvinceStore> {

    JdbcProvinceStoreTest() {
        super(StoreEngine.Place::province, JdbcProvinceStore::close);
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void importRecords_vietnameseTextAndEmptyFields_readBackIntact(StoreEngine engine) {
        open(engine);
        List<Record> records = List.of(dossier("HS-1", "UBND huyện Bảo Lạc", "2022-03-10"),
                dossier("HS-2", "Sở Tư pháp tỉnh Cao Bằng", null));

        store.importRecords(RecordTypes.DOSSIER, "hồ-sơ.csv", "a".repeat(64), records);

        List<Record> read = new ArrayList<>();
        store.forEachRecord(RecordTypes.DOSSIER, read::add);
        assertEquals(records.size(), read.size());
        assertTrue(read.containsAll(records), read.toString());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void importRecords_sameFileTwice_changesNothing(StoreEngine engine) {
        open(engine);
        List<Record> records = List.of(dossier("HS-1", "Sở Nội vụ", "2022-03-10"));
        ImportSummary first = store.importRecords(RecordTypes.DOSSIER, "a.csv", "b".repeat(64), records);

        ImportSummary second = store.importRecords(RecordTypes.DOSSIER, "a-copy.csv", "b".repeat(64), records);

        assertFalse(first.alreadyKnown());
        assertTrue(second.alreadyKnown());
        assertEquals(first.importId(), second.importId());
        assertEquals(1, store.countRecords(RecordTypes.DOSSIER));
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void importRecords_laterFileWithSameKey_replacesTheRecord(StoreEngine engine) {
        open(engine);
        store.importRecords(RecordTypes.DOSSIER, "a.csv", "c".repeat(64), List.of(dossier("HS-1", "Sở Nội vụ", null)));
        Record corrected = dossier("HS-1", "Sở Nội vụ", "2022-04-01");

        store.importRecords(RecordTypes.DOSSIER, "b.csv", "d".repeat(64), List.of(corrected));

        List<Record> read = new ArrayList<>();
        store.forEachRecord(RecordTypes.DOSSIER, read::add);
        assertEquals(List.of(corrected), read);
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void stagedImport_abandonedAfterSeveralBatches_nothingIsWritten(StoreEngine engine) {
        open(engine);
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            records.add(dossier("HS-" + i, "UBND xã Đức Long", "2022-03-10"));
        }
        // the reader gives up (the file changed under it, or the operator cancelled) well after the first batches
        try (ProvinceStore.StagedImport staged = store.beginImport(RecordTypes.DOSSIER, "lớn.csv")) {
            records.forEach(record -> assertTrue(staged.append(record)));
        }

        assertEquals(0, store.countRecords(RecordTypes.DOSSIER));
        ImportSummary retried = store.importRecords(RecordTypes.DOSSIER, "lớn.csv", "e".repeat(64), records.subList(0, 70_000));
        assertFalse(retried.alreadyKnown(), "a failed import must not count as imported");
        assertEquals(70_000, store.countRecords(RecordTypes.DOSSIER));
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void fileReport_revisionsFollowContent(StoreEngine engine) {
        open(engine);
        FiledReport first = store.fileReport(report(48447), Instant.now());
        FiledReport same = store.fileReport(report(48447), Instant.now());
        FiledReport corrected = store.fileReport(report(48448), Instant.now());

        assertEquals(1, first.report().revision());
        assertTrue(same.unchanged());
        assertEquals(first.outboxEntryId(), same.outboxEntryId());
        assertEquals(2, corrected.report().revision());
        assertEquals(2, store.outboxStatus().pending());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void outbox_entriesLeaveInOrderAndKeepTheirOutcome(StoreEngine engine) {
        open(engine);
        FiledReport first = store.fileReport(report(1), Instant.now());
        FiledReport second = store.fileReport(report(2), Instant.now());

        OutboxEntry next = store.nextPending().orElseThrow();
        assertEquals(first.outboxEntryId(), next.entryId());
        assertEquals(first.report(), next.report());

        store.recordFailedAttempt(next.entryId(), "UNAVAILABLE", "UNAVAILABLE: connection refused");
        store.markDelivered(next.entryId(), "BNV-2026-000001", Instant.parse("2026-01-05T00:00:00Z"));
        Problem problem = Problem.permanent("key.province_code", "province.unknown", "Mã tỉnh không hợp lệ", "unknown province");
        store.recordFailedAttempt(second.outboxEntryId(), "UNAVAILABLE", "UNAVAILABLE: connection refused");
        store.markRefused(second.outboxEntryId(), "INVALID_ARGUMENT", List.of(problem));

        OutboxEntry delivered = store.outboxEntry(first.outboxEntryId()).orElseThrow();
        assertEquals(OutboxState.DELIVERED, delivered.state());
        assertEquals(1, delivered.attempts());
        assertEquals("BNV-2026-000001", delivered.receiptId());
        OutboxEntry refused = store.outboxEntry(second.outboxEntryId()).orElseThrow();
        assertEquals(List.of(problem), refused.problems());
        assertEquals("INVALID_ARGUMENT", refused.lastStatus());
        assertNull(refused.lastError(), "an earlier attempt's error is not the refusal's reason");
        assertTrue(store.nextPending().isEmpty());
        assertEquals(0, store.outboxStatus().pending());
        assertTrue(store.outboxStatus().oldestPendingAt().isEmpty());
        assertEquals(1, store.outboxStatus().refused());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void refusedReport_sameContentFiledAgain_isANewRevision(StoreEngine engine) {
        open(engine);
        FiledReport first = store.fileReport(report(48447), Instant.now());
        store.markRefused(first.outboxEntryId(), "INVALID_ARGUMENT", List.of(Problem.permanent("report", "x", "sai", "wrong")));

        FiledReport again = store.fileReport(report(48447), Instant.now());

        assertFalse(again.unchanged());
        assertEquals(2, again.report().revision());
        assertEquals(again.outboxEntryId(), store.nextPending().orElseThrow().entryId());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void failedReport_sameContentFiledAgain_isANewRevision(StoreEngine engine) {
        open(engine);
        FiledReport first = store.fileReport(report(48447), Instant.now());
        store.markFailed(first.outboxEntryId(), "bug while building the message");

        FiledReport again = store.fileReport(report(48447), Instant.now());

        assertFalse(again.unchanged());
        assertEquals(2, again.report().revision());
        OutboxEntry failed = store.outboxEntry(first.outboxEntryId()).orElseThrow();
        assertEquals(OutboxState.FAILED, failed.state());
        assertEquals("LOCAL", failed.lastStatus());
        assertEquals("bug while building the message", failed.lastError());
        assertEquals(1, store.outboxStatus().failed());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void deliveredReport_sameContentFiledAgain_isUnchanged(StoreEngine engine) {
        open(engine);
        FiledReport first = store.fileReport(report(48447), Instant.now());
        store.markDelivered(first.outboxEntryId(), "BNV-1", Instant.now());

        assertTrue(store.fileReport(report(48447), Instant.now()).unchanged());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void nextPending_takesTheOldestEntryOfEachKeyAndSkipsKeysWaiting(StoreEngine engine) {
        open(engine);
        FiledReport year2022 = store.fileReport(report(1), Instant.now());
        store.fileReport(report(2), Instant.now());
        FiledReport year2021 = store.fileReport(StoreFixtures.report(StoreFixtures.CAO_BANG_2021, 7), Instant.now());

        assertEquals(year2022.outboxEntryId(), store.nextPending().orElseThrow().entryId());
        // the key of 2022 waits out its own backoff: its revision 2 must not overtake revision 1
        assertEquals(year2021.outboxEntryId(),
                store.nextPending(Set.of(StoreFixtures.CAO_BANG_2022)).orElseThrow().entryId());
        assertTrue(store.nextPending(Set.of(StoreFixtures.CAO_BANG_2022, StoreFixtures.CAO_BANG_2021)).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void stuckEntries_showAttemptsLastStatusAndSinceWhen_untilANewRevisionIsFiled(StoreEngine engine) {
        open(engine);
        FiledReport pending = store.fileReport(report(1), Instant.now());
        FiledReport refused = store.fileReport(StoreFixtures.report(StoreFixtures.CAO_BANG_2021, 7), Instant.now());
        Instant before = Instant.now();
        store.recordFailedAttempt(pending.outboxEntryId(), "INTERNAL", "INTERNAL: ministry bug");
        store.recordFailedAttempt(pending.outboxEntryId(), "UNAVAILABLE", "UNAVAILABLE: connection refused");
        store.markRefused(refused.outboxEntryId(), "INVALID_ARGUMENT", List.of(Problem.permanent("report", "x", "sai", "wrong")));

        List<OutboxEntry> stuck = store.stuckEntries(10);

        assertEquals(List.of(pending.outboxEntryId(), refused.outboxEntryId()), stuck.stream().map(OutboxEntry::entryId).toList());
        OutboxEntry first = stuck.get(0);
        assertEquals(2, first.attempts());
        assertEquals("UNAVAILABLE", first.lastStatus());
        assertEquals("UNAVAILABLE: connection refused", first.lastError());
        assertFalse(first.firstFailedAt().isBefore(before.minusSeconds(1)));
        assertFalse(first.lastAttemptAt().isBefore(first.firstFailedAt()));
        assertEquals("INVALID_ARGUMENT", stuck.get(1).lastStatus());
        assertEquals(1, stuck.get(1).problems().size());

        store.fileReport(StoreFixtures.report(StoreFixtures.CAO_BANG_2021, 7), Instant.now());
        assertEquals(List.of(pending.outboxEntryId()), store.stuckEntries(10).stream().map(OutboxEntry::entryId).toList());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void stagedImport_sameKeyTwice_secondRefusedAndFirstKept(StoreEngine engine) {
        open(engine);
        try (ProvinceStore.StagedImport staged = store.beginImport(RecordTypes.DOSSIER, "a.csv")) {
            assertTrue(staged.append(dossier("HS-1", "Sở Nội vụ", null)));
            assertFalse(staged.append(dossier("HS-1", "Sở Tư pháp", null)));
            assertTrue(staged.append(dossier("HS-2", "Sở Tư pháp", null)));
            assertEquals(2, staged.commit("9".repeat(64)).recordCount());
        }
        List<Record> read = new ArrayList<>();
        store.forEachRecord(RecordTypes.DOSSIER, read::add);
        assertEquals(List.of(dossier("HS-1", "Sở Nội vụ", null), dossier("HS-2", "Sở Tư pháp", null)), read);
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void storedRecordsEstimate_countsWhatTheImportsHeld(StoreEngine engine) {
        open(engine);
        store.importRecords(RecordTypes.DOSSIER, "a.csv", "7".repeat(64), List.of(dossier("HS-1", "Sở Nội vụ", null)));
        store.importRecords(RecordTypes.DOSSIER, "b.csv", "8".repeat(64), List.of(dossier("HS-1", "Sở Nội vụ", "2022-03-10"),
                dossier("HS-2", "Sở Nội vụ", null)));

        assertEquals(3, store.storedRecordsEstimate(RecordTypes.DOSSIER));
        assertEquals(2, store.countRecords(RecordTypes.DOSSIER));
        assertEquals(0, store.storedRecordsEstimate(RecordTypes.FEEDBACK));
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void importRecords_fieldsHoldingSeparatorsAndEscapes_readBackAsWritten(StoreEngine engine) {
        open(engine);
        Record awkward = dossier("HS-1", "UBND xã\nĐức Long\u001F\u001B\\x", "2022-03-10");

        store.importRecords(RecordTypes.DOSSIER, "a.csv", "f".repeat(64), List.of(awkward, dossier("HS-2", "Sở Nội vụ", null)));

        List<Record> read = new ArrayList<>();
        store.forEachRecord(RecordTypes.DOSSIER, read::add);
        assertEquals(List.of(awkward, dossier("HS-2", "Sở Nội vụ", null)), read);
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void nextPending_entryThatCannotBeReadBack_isMarkedFailedAndTheNextOneGoes(StoreEngine engine) {
        open(engine);
        FiledReport broken = store.fileReport(report(new vn.congvu.api.ReportKey("04", vn.congvu.api.Period.year(2021),
                vn.congvu.api.Regime.PERIODIC), 1), Instant.now());
        FiledReport next = store.fileReport(report(48447), Instant.now());
        store.close();
        try (Database database = new Database(place.host(), "province", JdbcProvinceStore.MIGRATIONS)) {
            database.inTransaction("damaging a stored report", connection -> {
                try (java.sql.Statement damage = connection.createStatement()) {
                    return damage.executeUpdate("UPDATE reports SET values_text = 'x' WHERE revision = 1 AND period = '2021'");
                }
            });
        }
        store = place.province();

        assertEquals(next.outboxEntryId(), store.nextPending().orElseThrow().entryId());
        assertEquals(1, store.outboxStatus().failed());
        assertEquals(List.of(), store.stuckEntries(10), "an entry that cannot be read is counted, not listed");
    }

    @Test
    void problemsWrittenBeforeTheCodec_stillRead() {
        assertEquals(List.of(new Problem("values[0]", "value.not_a_count", "không phải số đếm", "not a count", false),
                        new Problem("key", "province.unknown", "sai mã", "bad code", true)),
                ProblemsText.read("values[0]\u001Evalue.not_a_count\u001Ekhông phải số đếm\u001Enot a count\u001Efalse\n"
                        + "key\u001Eprovince.unknown\u001Esai mã\u001Ebad code\u001Etrue"));
    }

    @Test
    void problemsWithLineBreaksAndTabs_readBackAsWritten() {
        List<Problem> problems = List.of(new Problem("findings[0].message", "text.too_long", "dòng 1\ndòng 2\tx", "a\\b", false));

        assertEquals(problems, ProblemsText.read(ProblemsText.write(problems)));
    }
}
