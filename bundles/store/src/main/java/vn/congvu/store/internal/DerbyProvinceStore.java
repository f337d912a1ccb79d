package vn.congvu.store.internal;

import java.nio.file.Path;
import java.sql.Clob;
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
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
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

/** The province database on Derby. Active only on a node configured as a province. */
@Component(service = ProvinceStore.class, configurationPid = "vn.congvu.store.province",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DerbyProvinceStore implements ProvinceStore {

    /** Where the province database lives. */
    @ObjectClassDefinition(name = "congvu province store")
    public @interface Config {
        /** @return the database folder */
        @AttributeDefinition(description = "Folder of the province's Derby database, such as data/province-db")
        String database();
    }

    /** Separates a record's fields; intake refuses it inside text. */
    static final char FIELD_SEPARATOR = '\u001F';
    private static final String PROBLEM_SEPARATOR = "\u001E";
    private static final int BATCH_SIZE = 5_000;

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

    DerbyProvinceStore(Path databaseFolder) {
        this.database = new Database(databaseFolder, "province", List.of("001-initial.sql", "002-findings.sql"));
    }

    /** Closes the database cleanly. */
    @Deactivate
    public void close() {
        database.close();
    }

    @Override
    public ImportSummary importRecords(RecordType type, String sourceName, String sourceSha256, List<Record> records) {
        return database.inTransaction("importing " + records.size() + " " + type.name() + " records from " + sourceName,
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
                        insert.setInt(4, records.size());
                        insert.setTimestamp(5, Timestamp.from(now));
                        insert.executeUpdate();
                        importId = ReportRows.generatedKey(insert);
                    }
                    upsertRecords(connection, type, importId, records);
                    return new ImportSummary(importId, records.size(), now, false);
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

    private static void upsertRecords(Connection connection, RecordType type, long importId, List<Record> records)
            throws SQLException {
        // Deleting first and inserting in batches is several times faster on Derby than MERGE row by row.
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM records WHERE record_type = ? AND record_key = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO records (record_type, record_key, import_id, fields) VALUES (?, ?, ?, ?)")) {
            boolean typeHasRecords = hasRecords(connection, type);
            int pending = 0;
            for (Record record : records) {
                if (typeHasRecords) {
                    delete.setString(1, type.name());
                    delete.setString(2, record.key());
                    delete.addBatch();
                }
                insert.setString(1, type.name());
                insert.setString(2, record.key());
                insert.setLong(3, importId);
                insert.setString(4, encode(type, record));
                insert.addBatch();
                if (++pending == BATCH_SIZE) {
                    if (typeHasRecords) {
                        delete.executeBatch();
                    }
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (typeHasRecords) {
                delete.executeBatch();
            }
            insert.executeBatch();
        }
    }

    private static boolean hasRecords(Connection connection, RecordType type) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM records WHERE record_type = ? FETCH FIRST 1 ROWS ONLY")) {
            query.setString(1, type.name());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    @Override
    public void forEachRecord(RecordType type, Consumer<Record> action) {
        database.inTransaction("reading " + type.name() + " records", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT fields FROM records WHERE record_type = ?")) {
                query.setFetchSize(1_000);
                query.setString(1, type.name());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        action.accept(decode(type, rows.getString(1)));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public long countRecords(RecordType type) {
        return database.inTransaction("counting " + type.name() + " records", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM records WHERE record_type = ?")) {
                query.setString(1, type.name());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    static String encode(RecordType type, Record record) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < type.fields().size(); i++) {
            FieldSpec field = type.fields().get(i);
            if (i > 0) {
                fields.append(FIELD_SEPARATOR);
            }
            Object value = record.values().get(field.name());
            if (value != null) {
                fields.append(field.kind().format(value));
            }
        }
        return fields.toString();
    }

    static Record decode(RecordType type, String encoded) {
        String[] texts = encoded.split(String.valueOf(FIELD_SEPARATOR), -1);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < type.fields().size() && i < texts.length; i++) {
            FieldSpec field = type.fields().get(i);
            if (!texts[i].isEmpty()) {
                values.put(field.name(), field.kind().parse(texts[i]));
            }
        }
        return new Record(type, values);
    }

    @Override
    public FiledReport fileReport(Report draft, Instant preparedAt) {
        ReportKey key = draft.key();
        // One filing at a time: each reads the latest revision before writing the next, and concurrent
        // filings make Derby's identity generators give up with a lock timeout. Filing is short; the
        // evaluation before it, which is long, still runs concurrently.
        synchronized (filingLock) {
            return fileReportAlone(draft, key, preparedAt);
        }
    }

    private FiledReport fileReportAlone(Report draft, ReportKey key, Instant preparedAt) {
        return database.inTransaction("filing report " + key, connection -> {
            try (PreparedStatement latest = connection.prepareStatement(
                    "SELECT r.revision, r.content_hash, o.entry_id FROM reports r JOIN outbox o ON o.report_id = r.report_id "
                            + "WHERE r.province_code = ? AND r.period = ? AND r.regime = ? "
                            + "ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY")) {
                ReportRows.setKey(latest, key);
                try (ResultSet row = latest.executeQuery()) {
                    if (row.next()) {
                        int revision = row.getInt(1);
                        if (row.getString(2).equals(draft.contentHash())) {
                            return new FiledReport(draft.withRevision(revision), row.getLong(3), true);
                        }
                        return insertFiling(connection, draft.withRevision(revision + 1), preparedAt);
                    }
                }
            }
            return insertFiling(connection, draft.withRevision(1), preparedAt);
        });
    }

    private static FiledReport insertFiling(Connection connection, Report report, Instant preparedAt) throws SQLException {
        long reportId;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reports (province_code, period, regime, revision, content_hash, prepared_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ReportRows.setKey(insert, report.key());
            insert.setInt(4, report.revision());
            insert.setString(5, report.contentHash());
            insert.setTimestamp(6, Timestamp.from(preparedAt));
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
    public Optional<OutboxEntry> nextPending() {
        return database.inTransaction("reading the outbox", connection -> readEntry(connection,
                "o.state = 'PENDING' ORDER BY o.entry_id FETCH FIRST 1 ROWS ONLY", null));
    }

    @Override
    public Optional<OutboxEntry> outboxEntry(long entryId) {
        return database.inTransaction("reading outbox entry " + entryId,
                connection -> readEntry(connection, "o.entry_id = ?", entryId));
    }

    private static Optional<OutboxEntry> readEntry(Connection connection, String condition, Long entryId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT o.entry_id, o.state, o.attempts, o.last_error, o.receipt_id, o.accepted_at, o.problems, "
                        + "r.report_id, r.province_code, r.period, r.regime, r.revision, r.prepared_at "
                        + "FROM outbox o JOIN reports r ON r.report_id = o.report_id WHERE " + condition)) {
            if (entryId != null) {
                query.setLong(1, entryId);
            }
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                ReportKey key = new ReportKey(row.getString(9), Period.parse(row.getString(10)),
                        Regime.valueOf(row.getString(11)));
                Timestamp acceptedAt = row.getTimestamp(6);
                List<Problem> problems = readProblems(row.getClob(7));
                Report report = ReportRows.readContent(connection, row.getLong(8), key, row.getInt(12));
                return Optional.of(new OutboxEntry(row.getLong(1), report, row.getTimestamp(13).toInstant(),
                        OutboxState.valueOf(row.getString(2)), row.getInt(3), row.getString(4), row.getString(5),
                        acceptedAt == null ? null : acceptedAt.toInstant(), problems));
            }
        }
    }

    @Override
    public void markDelivered(long entryId, String receiptId, Instant acceptedAt) {
        database.inTransaction("marking outbox entry " + entryId + " delivered", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET state = 'DELIVERED', receipt_id = ?, accepted_at = ?, last_error = NULL "
                            + "WHERE entry_id = ?")) {
                update.setString(1, receiptId);
                update.setTimestamp(2, Timestamp.from(acceptedAt));
                update.setLong(3, entryId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void markRejected(long entryId, List<Problem> problems) {
        database.inTransaction("marking outbox entry " + entryId + " rejected", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET state = 'REJECTED', problems = ? WHERE entry_id = ?")) {
                update.setString(1, writeProblems(problems));
                update.setLong(2, entryId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordFailedAttempt(long entryId, String error) {
        database.inTransaction("counting a failed attempt of outbox entry " + entryId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE entry_id = ?")) {
                update.setString(1, error.length() > 2000 ? error.substring(0, 2000) : error);
                update.setLong(2, entryId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public OutboxStatus outboxStatus() {
        return database.inTransaction("reading the outbox status", connection -> {
            long pending = 0;
            long delivered = 0;
            long rejected = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT state, COUNT(*) FROM outbox GROUP BY state")) {
                while (rows.next()) {
                    switch (OutboxState.valueOf(rows.getString(1))) {
                        case PENDING -> pending = rows.getLong(2);
                        case DELIVERED -> delivered = rows.getLong(2);
                        case REJECTED -> rejected = rows.getLong(2);
                    }
                }
            }
            Optional<Instant> oldest = Optional.empty();
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT MIN(r.prepared_at) FROM outbox o "
                         + "JOIN reports r ON r.report_id = o.report_id WHERE o.state = 'PENDING'")) {
                if (row.next() && row.getTimestamp(1) != null) {
                    oldest = Optional.of(row.getTimestamp(1).toInstant());
                }
            }
            return new OutboxStatus(pending, oldest, delivered, rejected);
        });
    }

    private static String writeProblems(List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        for (Problem problem : problems) {
            lines.add(String.join(PROBLEM_SEPARATOR, problem.field(), problem.rule(), problem.messageVi(),
                    problem.messageEn(), Boolean.toString(problem.retryable())));
        }
        return String.join("\n", lines);
    }

    private static List<Problem> readProblems(Clob clob) throws SQLException {
        if (clob == null) {
            return List.of();
        }
        String text = clob.getSubString(1, (int) clob.length());
        List<Problem> problems = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(PROBLEM_SEPARATOR, -1);
            if (parts.length == 5) {
                problems.add(new Problem(parts[0], parts[1], parts[2], parts[3], Boolean.parseBoolean(parts[4])));
            }
        }
        return problems;
    }

    static String requireSet(String database) {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("the store's 'database' setting is empty: set it to the database folder");
        }
        return database;
    }
}
