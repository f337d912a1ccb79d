package vn.congvu.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;

/** The province node's database: imported records, filed reports and the outbox that sends them. */
@ProviderType
public interface ProvinceStore {

    /**
     * Stores every record of one file in one transaction: all of them or, on failure, none. A record whose
     * key is already stored is replaced (a later file corrects an earlier one). Importing a file with the
     * same content as an earlier import of the same type changes nothing.
     *
     * @param type         the records' type
     * @param sourceName   the file name, for the operator
     * @param sourceSha256 the SHA-256 of the file's bytes
     * @param records      the records, already validated, their keys all different
     * @return what the import did
     * @throws StoreException if the database fails; nothing is stored then
     * @throws IllegalArgumentException if two records share a key; nothing is stored then
     */
    default ImportSummary importRecords(RecordType type, String sourceName, String sourceSha256, List<Record> records) {
        try (StagedImport staged = beginImport(type, sourceName)) {
            for (Record record : records) {
                if (!staged.append(record)) {
                    throw new IllegalArgumentException(sourceName + ": key '" + record.key() + "' appears twice");
                }
            }
            return staged.commit(sourceSha256);
        }
    }

    /**
     * Begins importing one file's records, handed over one at a time so that a file of millions of records
     * is never held in memory: nothing of it is visible, or kept, until {@link StagedImport#commit}.
     *
     * @param type       the records' type
     * @param sourceName the file name, for the operator
     * @return the import in progress; close it (after commit, or to abandon it)
     * @throws StoreException if the database fails
     */
    StagedImport beginImport(RecordType type, String sourceName);

    /** One file's records on their way into the store, invisible until committed. */
    @ProviderType
    interface StagedImport extends AutoCloseable {
        /**
         * @param record the next record, already validated
         * @return false, storing nothing, if a record of the same key was appended before in this import
         * @throws StoreException if the database fails; the import is abandoned
         */
        boolean append(Record record);

        /**
         * Makes the records visible, replacing stored records of the same keys; if a file with the same
         * content was imported before, keeps nothing and says so.
         *
         * @param sourceSha256 the SHA-256 of the file's bytes
         * @return what the import did
         * @throws StoreException if the database fails; nothing is stored then
         */
        ImportSummary commit(String sourceSha256);

        /** Abandons the import unless it was committed: nothing of it is kept. */
        @Override
        void close();
    }

    /**
     * @param type         a record type
     * @param sourceSha256 the SHA-256 of a file's bytes
     * @return the import of a file of that type with those bytes, if one was committed
     */
    Optional<ImportSummary> importedBefore(RecordType type, String sourceSha256);

    /**
     * @param type the record type
     * @return how many records of it the imports held, counting a record replaced by a later import twice: a
     *     quick upper bound of {@link #countRecords}, for progress
     */
    long storedRecordsEstimate(RecordType type);

    /**
     * Streams every stored record of a type.
     *
     * @param type   the record type
     * @param action called once per record
     */
    void forEachRecord(RecordType type, Consumer<Record> action);

    /**
     * @param type the record type
     * @return how many records of it are stored
     */
    long countRecords(RecordType type);

    /**
     * Stores a report and queues it for sending, in one transaction. The revision is chosen here: one more
     * than the latest stored for the key, unless the latest already has the same content and was not
     * refused or failed, in which case nothing is stored or queued. A refused or failed latest revision is
     * filed again as a new revision, so an operator can send a report again once the fault is fixed.
     *
     * @param draft      the report; its revision is ignored
     * @param preparedAt when it was prepared
     * @return the report as stored, and its outbox entry
     */
    FiledReport fileReport(Report draft, Instant preparedAt);

    /** @return the oldest pending outbox entry, if any */
    default Optional<OutboxEntry> nextPending() {
        return nextPending(Set.of());
    }

    /**
     * The next entry to send: the oldest pending entry that is the oldest pending entry of its report key
     * (so the revisions of one key leave in order), skipping the keys given (those waiting out their own
     * backoff, so that they do not hold back the others).
     *
     * @param skipping report keys not to send now
     * @return the entry, if any
     */
    Optional<OutboxEntry> nextPending(Set<ReportKey> skipping);

    /**
     * @param entryId    the entry
     * @param receiptId  the ministry's receipt id
     * @param acceptedAt when the ministry accepted it
     */
    void markDelivered(long entryId, String receiptId, Instant acceptedAt);

    /**
     * Marks an entry refused by the ministry; it is never sent again.
     *
     * @param entryId  the entry
     * @param status   the gRPC status of the refusal, such as {@code INVALID_ARGUMENT}
     * @param problems why the ministry refused it
     */
    void markRefused(long entryId, String status, List<Problem> problems);

    /**
     * Marks an entry that failed inside this node before it could be sent; it is never sent again.
     *
     * @param entryId the entry
     * @param error   what failed
     */
    void markFailed(long entryId, String error);

    /**
     * Counts a failed attempt that is worth retrying, and when it happened.
     *
     * @param entryId the entry
     * @param status  the gRPC status, such as {@code UNAVAILABLE}
     * @param error   what went wrong
     */
    void recordFailedAttempt(long entryId, String status, String error);

    /**
     * @param entryId an entry id
     * @return the entry, if it exists
     */
    Optional<OutboxEntry> outboxEntry(long entryId);

    /**
     * The entries that need an operator's eye, oldest first: pending after at least one failed attempt,
     * refused, or failed.
     *
     * @param limit how many at most
     * @return the entries
     */
    List<OutboxEntry> stuckEntries(int limit);

    /** @return how the outbox stands */
    OutboxStatus outboxStatus();

    /**
     * @return the period of the report this node filed last (the latest prepared), if it filed any: the period
     *         a new rule version is tried on before it is installed
     */
    Optional<Period> lastFiledPeriod();
}
