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
import java.util.HashSet;
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

    /** Separates a record's fields; intake refuses it inside text. */
    private static final int CHUNK_SIZE = 4_096;
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
    public ImportSummary importRecords(RecordType type, String sourceName, String sourceSha256, int recordCount,
                                      RecordStream records) {
        return database.inTransaction("importing " + recordCount + " " + type.name() + " records from " + sourceName,
                connection -> {
                    Optional<ImportSummary> earlier = earlierImport(connection, type, sourceSha256);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    Instant now = Instant.now();
                    long importId;
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO imports (record_type, source_name, sha256, record_count, imported_at) "
                                    + "VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                        insert.setString(1, type.name());
                        insert.setString(2, sourceName);
                        insert.setString(3, sourceSha256);
                        insert.setInt(4, recordCount);
                        insert.setTimestamp(5, Timestamp.from(now));
                        insert.executeUpdate();
                        importId = ReportRows.generatedKey(insert);
                    }
                    int written = writeChunks(connection, type, importId, records);
                    if (written != recordCount) {
                        throw new SQLException(sourceName + " gave " + written + " records where " + recordCount
                                + " were announced; nothing imported");
                    }
                    return new ImportSummary(importId, recordCount, now, false);
                });
    }

    private static Optional<ImportSummary> earlierImport(Connection connection, RecordType type, String sha256)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT import_id, record_count, imported_at FROM imports WHERE record_type = ? AND sha256 = ?")) {
            query.setString(1, type.name());
            query.setString(2, sha256);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ImportSummary(row.getLong(1), row.getInt(2), row.getTimestamp(3).toInstant(), true));
            }
        }
    }

    /** Writes the records in chunks of {@value #CHUNK_SIZE}, in the file's order; returns how many. */
    private static int writeChunks(Connection connection, RecordType type, long importId, RecordStream records)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO record_chunks "
                + "(import_id, chunk_no, record_type, record_count, payload) VALUES (?, ?, ?, ?, ?)")) {
            ChunkWriter chunks = new ChunkWriter(insert, type, importId);
            try {
                records.forEach(chunks::add);
            } catch (UncheckedSqlException e) {
                throw e.getCause();
            }
            return chunks.finish();
        }
    }

    /** Collects records into chunks and inserts each full chunk, so that only one chunk is held at a time. */
    private static final class ChunkWriter {
        private final PreparedStatement insert;
        private final RecordType type;
        private final long importId;
        private final StringBuilder payload = new StringBuilder(CHUNK_SIZE * 96);
        private int inChunk;
        private int chunk;
        private int written;

        ChunkWriter(PreparedStatement insert, RecordType type, long importId) {
            this.insert = insert;
            this.type = type;
            this.importId = importId;
        }

        void add(Record record) {
            String encoded = encode(type, record);
            if (inChunk > 0) {
                payload.append(RECORD_SEPARATOR);
            }
            payload.append(encoded);
            inChunk++;
            written++;
            if (inChunk == CHUNK_SIZE) {
                flush();
            }
        }

        int finish() throws SQLException {
            if (inChunk > 0) {
                flush();
            }
            insert.executeBatch();
            return written;
        }

        private void flush() {
            try {
                insert.setLong(1, importId);
                insert.setInt(2, chunk);
                insert.setString(3, type.name());
                insert.setInt(4, inChunk);
                insert.setBytes(5, payload.toString().getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
                if (chunk % 16 == 15) {
                    insert.executeBatch();
                }
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
            chunk++;
            inChunk = 0;
            payload.setLength(0);
        }
    }

    /** Carries a database failure out of a record stream's callback. */
    private static final class UncheckedSqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
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
        Set<String> seen = severalImports ? new HashSet<>() : null;
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
