package vn.congvu.store.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;
import vn.congvu.api.TextRules;
import vn.congvu.api.ReportKey;
import vn.congvu.api.record.FieldSpec;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;
import vn.congvu.store.FiledReport;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;
import vn.congvu.store.OutboxStatus;
import vn.congvu.store.ProvinceStore;
import vn.congvu.store.StoreBackup;

/** The province database on Derby. Active only on a node configured as a province. */
@Designate(ocd = DerbyProvinceStore.Config.class)
@Component(service = {ProvinceStore.class, StoreBackup.class}, configurationPid = "vn.congvu.store.province",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DerbyProvinceStore implements ProvinceStore, StoreBackup {

    /** Where the province database lives. */
    @ObjectClassDefinition(name = "congvu province store")
    public @interface Config {
        /** @return the database folder */
        @AttributeDefinition(description = "Folder of the province's Derby database, such as data/province-db")
        String database();
    }

    /** Separates the records of a chunk; intake refuses it inside text. */
    private static final char RECORD_SEPARATOR = TextCodec.ROW_SEPARATOR;

    private final Database database;
    private final Object filingLock = new Object();

    /**
     * @param config where the database lives
     * @param engine the Derby engine, which outlives this store
     */
    @Activate
    public DerbyProvinceStore(Config config, @Reference DerbyEngine engine) {
        this(Path.of(requireSet(config.database())));
    }

    /** The province schema's migrations; the n-th is schema version n. */
    static final List<String> MIGRATIONS = List.of("001-initial.sql", "002-findings.sql", "003-record-chunks.sql",
            "004-report-values-text.sql", "005-outbox-delivery.sql");

    DerbyProvinceStore(Path databaseFolder) {
        this.database = new Database(databaseFolder, "province", MIGRATIONS);
    }

    /** Closes the database cleanly. */
    @Deactivate
    public void close() {
        database.close();
    }

    @Override
    public StagedImport beginImport(RecordType type, String sourceName) {
        return DerbyStagedImport.begin(database, type, sourceName);
    }

    @Override
    public Optional<ImportSummary> importedBefore(RecordType type, String sourceSha256) {
        return database.inTransaction("looking for an earlier import of a " + type.name() + " file",
                connection -> DerbyStagedImport.earlierImport(connection, type, sourceSha256, -1));
    }

    @Override
    public long storedRecordsEstimate(RecordType type) {
        return database.inTransaction("estimating the " + type.name() + " records", connection -> {
            // read uncommitted: an estimate for progress must not wait for an import in progress to commit
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT SUM(CAST(record_count AS BIGINT)) FROM record_chunks WHERE record_type = ? WITH UR")) {
                query.setString(1, type.name());
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public void forEachRecord(RecordType type, Consumer<Record> action) {
        database.inTransaction("reading " + type.name() + " records", connection -> {
            readRecords(connection, type, action);
            return null;
        });
    }

    /**
     * Reads the newest import first; when the type has records from more than one import, a key already
     * read (from a later import) is skipped, so a corrected record replaces the earlier one.
     */
    private static void readRecords(Connection connection, RecordType type, Consumer<Record> action) throws SQLException {
        boolean severalImports;
        try (PreparedStatement imports = connection.prepareStatement(
                "SELECT COUNT(DISTINCT import_id) FROM record_chunks WHERE record_type = ?")) {
            imports.setString(1, type.name());
            try (ResultSet row = imports.executeQuery()) {
                row.next();
                severalImports = row.getInt(1) > 1;
            }
        }
        // a key of a later import hides the same key of an earlier one; fingerprints keep this small for millions
        KeyFingerprints seen = severalImports ? new KeyFingerprints() : null;
        try (PreparedStatement query = connection.prepareStatement("SELECT payload, payload_text FROM record_chunks "
                + "WHERE record_type = ? ORDER BY import_id DESC, chunk_no")) {
            query.setString(1, type.name());
            try (ResultSet chunks = query.executeQuery()) {
                while (chunks.next()) {
                    byte[] bytes = chunks.getBytes(1);
                    String payload = bytes != null ? new String(bytes, StandardCharsets.UTF_8) : chunks.getString(2);
                    for (int start = 0; start < payload.length(); ) {
                        int end = payload.indexOf(RECORD_SEPARATOR, start);
                        end = end < 0 ? payload.length() : end;
                        Record record = decode(type, payload.substring(start, end));
                        if (seen == null || seen.add(record.key())) {
                            action.accept(record);
                        }
                        start = end + 1;
                    }
                }
            }
        }
    }

    @Override
    public long countRecords(RecordType type) {
        return database.inTransaction("counting " + type.name() + " records", connection -> {
            long[] count = {0};
            readRecords(connection, type, record -> count[0]++);
            return count[0];
        });
    }

    static String encode(RecordType type, Record record) {
        List<String> fields = new ArrayList<>(type.fields().size());
        for (FieldSpec field : type.fields()) {
            Object value = record.values().get(field.name());
            fields.add(value == null ? "" : field.kind().format(value));
        }
        return TextCodec.RECORDS.appendRow(new StringBuilder(), fields).toString();
    }

    static Record decode(RecordType type, String encoded) {
        List<String> texts = TextCodec.RECORDS.fields(encoded);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < type.fields().size() && i < texts.size(); i++) {
            FieldSpec field = type.fields().get(i);
            if (!texts.get(i).isEmpty()) {
                // records imported before intake normalised to NFC are read in NFC too, so that they file
                values.put(field.name(), field.kind().parse(TextRules.nfc(texts.get(i))));
            }
        }
        return new Record(type, values);
    }

    @Override
    public FiledReport fileReport(Report draft, Instant preparedAt) {
        ReportKey key = draft.key();
        // One filing at a time: each reads the latest revision of its key before writing the next, so two
        // filings of one period at once would both choose the same revision. Filing is short; the
        // evaluation before it, which is long, still runs concurrently.
        synchronized (filingLock) {
            return fileReportAlone(draft, draft.contentHash(), key, preparedAt);
        }
    }

    private FiledReport fileReportAlone(Report draft, String contentHash, ReportKey key, Instant preparedAt) {
        return database.inTransaction("filing report " + key, connection -> {
            try (PreparedStatement latest = connection.prepareStatement(
                    "SELECT r.revision, r.content_hash, o.entry_id, o.state FROM reports r "
                            + "JOIN outbox o ON o.report_id = r.report_id "
                            + "WHERE r.province_code = ? AND r.period = ? AND r.regime = ? "
                            + "ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY")) {
                ReportRows.setKey(latest, key);
                try (ResultSet row = latest.executeQuery()) {
                    if (row.next()) {
                        int revision = row.getInt(1);
                        // a refused or failed revision is never sent again: the same content, filed once the
                        // fault is fixed (the ministry's, the network's, or this node's), goes as a new revision
                        boolean settledBadly = OutboxState.REFUSED.name().equals(row.getString(4))
                                || OutboxState.FAILED.name().equals(row.getString(4));
                        if (row.getString(2).equals(contentHash) && !settledBadly) {
                            return new FiledReport(draft.withRevision(revision), row.getLong(3), true);
                        }
                        return insertFiling(connection, draft.withRevision(revision + 1), contentHash, preparedAt);
                    }
                }
            }
            return insertFiling(connection, draft.withRevision(1), contentHash, preparedAt);
        });
    }

    private static FiledReport insertFiling(Connection connection, Report report, String contentHash, Instant preparedAt)
            throws SQLException {
        long reportId;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reports (province_code, period, regime, revision, content_hash, prepared_at, values_text) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ReportRows.setKey(insert, report.key());
            insert.setInt(4, report.revision());
            insert.setString(5, contentHash);
            insert.setTimestamp(6, Timestamp.from(preparedAt));
            ReportRows.setValuesText(insert, 7, report);
            insert.executeUpdate();
            reportId = ReportRows.generatedKey(insert);
        }
        ReportRows.insertContent(connection, reportId, report);
        try (PreparedStatement queue = connection.prepareStatement(
                "INSERT INTO outbox (report_id, state) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            queue.setLong(1, reportId);
            queue.setString(2, OutboxState.PENDING.name());
            queue.executeUpdate();
            return new FiledReport(report, ReportRows.generatedKey(queue), false);
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

    static String requireSet(String database) {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("the store's 'database' setting is empty: set it to the database folder");
        }
        return database;
    }

    @Override
    public Path database() {
        return database.path();
    }

    /** Derby's online backup: filing, intake and sending go on while it copies. */
    @Override
    public Path backupTo(Path folder) {
        return database.backupTo(folder);
    }
}
