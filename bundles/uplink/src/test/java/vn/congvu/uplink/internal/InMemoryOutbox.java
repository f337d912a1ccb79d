package vn.congvu.uplink.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;
import vn.congvu.store.FiledReport;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;
import vn.congvu.store.OutboxStatus;
import vn.congvu.store.ProvinceStore;

/** The outbox part of a province store, in memory; records are not this test's business. */
final class InMemoryOutbox implements ProvinceStore {

    private final List<OutboxEntry> entries = new ArrayList<>();

    @Override
    public synchronized FiledReport fileReport(Report draft, Instant preparedAt) {
        OutboxEntry entry = new OutboxEntry(entries.size() + 1, draft, preparedAt, OutboxState.PENDING, 0, null, null,
                null, List.of());
        entries.add(entry);
        return new FiledReport(draft, entry.entryId(), false);
    }

    @Override
    public synchronized Optional<OutboxEntry> nextPending() {
        return entries.stream().filter(entry -> entry.state() == OutboxState.PENDING).findFirst();
    }

    @Override
    public synchronized void markDelivered(long entryId, String receiptId, Instant acceptedAt) {
        OutboxEntry entry = entry(entryId);
        replace(new OutboxEntry(entryId, entry.report(), entry.preparedAt(), OutboxState.DELIVERED, entry.attempts(),
                entry.lastError(), receiptId, acceptedAt, List.of()));
    }

    @Override
    public synchronized void markRejected(long entryId, List<Problem> problems) {
        OutboxEntry entry = entry(entryId);
        replace(new OutboxEntry(entryId, entry.report(), entry.preparedAt(), OutboxState.REJECTED, entry.attempts(),
                entry.lastError(), null, null, problems));
    }

    @Override
    public synchronized void recordFailedAttempt(long entryId, String error) {
        OutboxEntry entry = entry(entryId);
        replace(new OutboxEntry(entryId, entry.report(), entry.preparedAt(), entry.state(), entry.attempts() + 1,
                error, null, null, List.of()));
    }

    @Override
    public synchronized Optional<OutboxEntry> outboxEntry(long entryId) {
        return entryId >= 1 && entryId <= entries.size() ? Optional.of(entry(entryId)) : Optional.empty();
    }

    @Override
    public synchronized OutboxStatus outboxStatus() {
        return new OutboxStatus(count(OutboxState.PENDING), Optional.empty(), count(OutboxState.DELIVERED),
                count(OutboxState.REJECTED));
    }

    private long count(OutboxState state) {
        return entries.stream().filter(entry -> entry.state() == state).count();
    }

    private OutboxEntry entry(long entryId) {
        return entries.get((int) entryId - 1);
    }

    private void replace(OutboxEntry entry) {
        entries.set((int) entry.entryId() - 1, entry);
    }

    @Override
    public ImportSummary importRecords(RecordType type, String sourceName, String sourceSha256, int recordCount,
                                       RecordStream records) {
        throw new UnsupportedOperationException("records are not kept here");
    }

    @Override
    public void forEachRecord(RecordType type, Consumer<Record> action) {
        throw new UnsupportedOperationException("records are not kept here");
    }

    @Override
    public long countRecords(RecordType type) {
        throw new UnsupportedOperationException("records are not kept here");
    }
}
