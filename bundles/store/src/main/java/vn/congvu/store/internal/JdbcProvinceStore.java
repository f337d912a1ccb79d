package vn.congvu.store.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;
import vn.congvu.backup.DatabaseBackup;
import vn.congvu.store.FiledReport;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxStatus;
import vn.congvu.store.ProvinceStore;

/**
 * The province database: embedded Derby in the node's folder (the default), or a PostgreSQL database where the
 * province's IT department prefers it. Active only on a node configured as a province.
 */
@Designate(ocd = StoreSettings.class)
@Component(service = {ProvinceStore.class, DatabaseBackup.class}, configurationPid = "vn.congvu.store.province",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class JdbcProvinceStore implements ProvinceStore, DatabaseBackup {

    private final Database database;
    private final Object filingLock = new Object();

    /**
     * @param config where the database lives
     * @param engine the Derby engine, which outlives this store
     */
    @Activate
    public JdbcProvinceStore(StoreSettings config, @Reference DerbyEngine engine) {
        this(StoreDatabases.open(config, "province", MIGRATIONS));
    }

    /** The province schema's migrations; the n-th is schema version n. */
    static final List<String> MIGRATIONS = List.of("001-initial.sql", "002-findings.sql", "003-record-chunks.sql",
            "004-report-values-text.sql", "005-outbox-delivery.sql");

    /** @param databaseFolder an embedded Derby database's folder */
    JdbcProvinceStore(Path databaseFolder) {
        this(new Database(databaseFolder, "province", MIGRATIONS));
    }

    /** @param database the province database, migrated; closed with this store */
    JdbcProvinceStore(Database database) {
        this.database = database;
    }

    /** Closes the database cleanly. */
    @Deactivate
    public void close() {
        database.close();
    }

    @Override
    public StagedImport beginImport(RecordType type, String sourceName) {
        return StagedRecordImport.begin(database, type, sourceName);
    }

    @Override
    public Optional<ImportSummary> importedBefore(RecordType type, String sourceSha256) {
        return database.inTransaction("looking for an earlier import of a " + type.name() + " file",
                connection -> StagedRecordImport.earlierImport(connection, type, sourceSha256, -1));
    }

    @Override
    public long storedRecordsEstimate(RecordType type) {
        return database.inTransaction("estimating the " + type.name() + " records",
                connection -> ProvinceRecords.estimate(connection, database.dialect(), type));
    }

    @Override
    public void forEachRecord(RecordType type, Consumer<Record> action) {
        database.inTransaction("reading " + type.name() + " records", connection -> {
            ProvinceRecords.read(connection, type, action);
            return null;
        });
    }

    @Override
    public long countRecords(RecordType type) {
        return database.inTransaction("counting " + type.name() + " records", connection -> {
            long[] count = {0};
            ProvinceRecords.read(connection, type, record -> count[0]++);
            return count[0];
        });
    }

    @Override
    public FiledReport fileReport(Report draft, Instant preparedAt) {
        // One filing at a time: each reads the latest revision of its key before writing the next, so two
        // filings of one period at once would both choose the same revision. Filing is short; the
        // evaluation before it, which is long, still runs concurrently.
        synchronized (filingLock) {
            return database.inTransaction("filing report " + draft.key(),
                    connection -> ProvinceFilings.file(connection, draft, preparedAt));
        }
    }

    @Override
    public Optional<OutboxEntry> nextPending(Set<ReportKey> skipping) {
        return database.inTransaction("reading the outbox",
                connection -> ProvinceOutbox.next(connection, skipping));
    }

    @Override
    public Optional<OutboxEntry> outboxEntry(long entryId) {
        return database.inTransaction("reading outbox entry " + entryId,
                connection -> ProvinceOutbox.entry(connection, entryId));
    }

    @Override
    public List<OutboxEntry> stuckEntries(int limit) {
        return database.inTransaction("reading the stuck outbox entries",
                connection -> ProvinceOutbox.stuck(connection, limit));
    }

    @Override
    public void markDelivered(long entryId, String receiptId, Instant acceptedAt) {
        database.inTransaction("marking outbox entry " + entryId + " delivered", connection -> {
            ProvinceOutbox.delivered(connection, entryId, receiptId, acceptedAt);
            return null;
        });
    }

    @Override
    public void markRefused(long entryId, String status, List<Problem> problems) {
        database.inTransaction("marking outbox entry " + entryId + " refused", connection -> {
            ProvinceOutbox.refused(connection, entryId, status, ProblemsText.write(problems));
            return null;
        });
    }

    @Override
    public void markFailed(long entryId, String error) {
        database.inTransaction("marking outbox entry " + entryId + " failed", connection -> {
            ProvinceOutbox.failed(connection, entryId, error);
            return null;
        });
    }

    @Override
    public void recordFailedAttempt(long entryId, String status, String error) {
        database.inTransaction("counting a failed attempt of outbox entry " + entryId, connection -> {
            ProvinceOutbox.failedAttempt(connection, entryId, status, error);
            return null;
        });
    }

    @Override
    public OutboxStatus outboxStatus() {
        return database.inTransaction("reading the outbox status", ProvinceOutbox::status);
    }

    @Override
    public Optional<Period> lastFiledPeriod() {
        return database.inTransaction("reading the period filed last", ProvinceOutbox::lastFiledPeriod);
    }

    @Override
    public Optional<Path> database() {
        return database.folder();
    }

    @Override
    public String location() {
        return database.describe();
    }

    /** Derby's online backup: filing, intake and sending go on while it copies (PostgreSQL's databases: its own tools). */
    @Override
    public Path backupTo(Path folder) {
        return database.backupTo(folder);
    }
}
