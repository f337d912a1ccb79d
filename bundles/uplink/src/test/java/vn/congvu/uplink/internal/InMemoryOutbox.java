package vn.congvu.uplink.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
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
                null, null, null, null, List.of());
        entries.add(entry);
        return new FiledReport(draft, entry.entryId(), false);
    }

    @Override
    public synchronized Optional<OutboxEntry> nextPending(Set<ReportKey> skipping) {
        Set<ReportKey> seen = new HashSet<>();
        return entries.stream().filter(entry -> entry.state() == OutboxState.PENDING)
                .filter(entry -> seen.add(entry.report().key()) && !skipping.contains(entry.report().key()))
                .findFirst();
    }

    @Override
    public synchronized void markDelivered(long entryId, String receiptId, Instant acceptedAt) {
        OutboxEntry e = entry(entryId);
        replace(new OutboxEntry(entryId, e.report(), e.preparedAt(), OutboxState.DELIVERED, e.attempts(), "OK", null,
                e.firstFailedAt(), Instant.now(), receiptId, acceptedAt, List.of()));
    }

    @Override
    public synchronized void markRefused(long entryId, String status, List<Problem> problems) {
        OutboxEntry e = entry(entryId);
        replace(new OutboxEntry(entryId, e.report(), e.preparedAt(), OutboxState.REFUSED, e.attempts(), status,
                e.lastError(), e.firstFailedAt(), Instant.now(), null, null, problems));
    }

    @Override
    public synchronized void markFailed(long entryId, String error) {
        OutboxEntry e = entry(entryId);
        Instant now = Instant.now();
        replace(new OutboxEntry(entryId, e.report(), e.preparedAt(), OutboxState.FAILED, e.attempts(), "LOCAL", error,
                e.firstFailedAt() == null ? now : e.firstFailedAt(), now, null, null, List.of()));
    }

    @Override
    public synchronized void recordFailedAttempt(long entryId, String status, String error) {
        OutboxEntry e = entry(entryId);
        Instant now = Instant.now();
        replace(new OutboxEntry(entryId, e.report(), e.preparedAt(), e.state(), e.attempts() + 1, status, error,
                e.firstFailedAt() == null ? now : e.firstFailedAt(), now, null, null, List.of()));
    }

    @Override
    public synchronized Optional<OutboxEntry> outboxEntry(long entryId) {
        return entryId >= 1 && entryId <= entries.size() ? Optional.of(entry(entryId)) : Optional.empty();
    }

    @Override
    public synchronized List<OutboxEntry> stuckEntries(int limit) {
        return entries.stream().filter(e -> e.state() == OutboxState.PENDING ? e.attempts() > 0
                : e.state() != OutboxState.DELIVERED).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Period> lastFiledPeriod() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).report().key().period());
    }

    @Override
    public synchronized OutboxStatus outboxStatus() {
        return new OutboxStatus(count(OutboxState.PENDING), Optional.empty(), count(OutboxState.DELIVERED),
                count(OutboxState.REFUSED), count(OutboxState.FAILED));
    }

    private long count(OutboxState state) {
        return entries.stream().filter(entry -> entry.state() == state).count();
    }

    private OutboxEntry entry(long entryId) {
        return entries.get((int) entryId - 1);
    }

    private void replace(OutboxEntry entry) {
        entries.set((int) entry.entryId() - 1, entry);
        notifyAll();
    }

    /**
     * Waits until a condition holds, looking again after every change of the outbox (the sender records
     * every attempt here, so this is also the moment to look at what the ministry saw).
     *
     * @param what      the condition, for the failure message
     * @param condition looked at with the outbox locked
     * @param bound     how long to wait at most
     * @throws AssertionError if the condition does not hold in time
     */
    synchronized void awaitUntil(String what, BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    @Override
    public StagedImport beginImport(RecordType type, String sourceName) {
        throw new UnsupportedOperationException("records are not kept here");
    }

    @Override
    public java.util.Optional<ImportSummary> importedBefore(RecordType type, String sourceSha256) {
        throw new UnsupportedOperationException("records are not kept here");
    }

    @Override
    public long storedRecordsEstimate(RecordType type) {
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
