package vn.congvu.store.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.ProvinceStore;
import vn.congvu.store.StoreException;

/**
 * One file's records written into an open transaction, a chunk of {@value #CHUNK_SIZE} at a time, and made
 * visible only by {@link #commit}: until then no reader sees them, and a crash, a cancel or a change of the file
 * leaves nothing behind.
 */
final class StagedRecordImport implements ProvinceStore.StagedImport {

    static final int CHUNK_SIZE = 4_096;
    /** A chunk of long records is flushed before it holds this much text, so that one chunk never fills memory. */
    private static final int MAX_CHUNK_CHARS = 8 << 20;
    /** Derby's SQL state of a unique key broken: the same file committed by another import at the same time. */
    private static final String DUPLICATE_KEY = "23505";
    /** Chunks sent to Derby in one batch. */
    private static final int CHUNKS_PER_BATCH = 16;

    private final Connection connection;
    private final RecordType type;
    private final String sourceName;
    private final String database;
    private final long importId;
    private final Instant begun;
    private final PreparedStatement insert;
    private final KeyFingerprints keys = new KeyFingerprints();
    private final StringBuilder payload = new StringBuilder(CHUNK_SIZE * 96);
    private int inChunk;
    private int chunk;
    private int written;
    private boolean finished;

    private StagedRecordImport(Database.Open<Long> open, RecordType type, String sourceName, String database, Instant begun)
            throws SQLException {
        this.connection = open.connection();
        this.importId = open.value();
        this.type = type;
        this.sourceName = sourceName;
        this.database = database;
        this.begun = begun;
        this.insert = connection.prepareStatement("INSERT INTO record_chunks "
                + "(import_id, chunk_no, record_type, record_count, payload) VALUES (?, ?, ?, ?, ?)");
    }

    /** Opens the transaction and its import row, whose file hash is a placeholder until {@link #commit}. */
    static StagedRecordImport begin(Database database, RecordType type, String sourceName) {
        Instant now = Instant.now();
        Database.Open<Long> open = database.begin("beginning the import of " + sourceName, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO imports (record_type, source_name, sha256, record_count, imported_at) "
                            + "VALUES (?, ?, ?, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, type.name());
                insert.setString(2, sourceName);
                // unique per import, and never a SHA-256 (which is hexadecimal): the real one is known at the end
                insert.setString(3, ("staged-" + UUID.randomUUID()).replace('-', '~'));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
                return ReportRows.generatedKey(insert);
            }
        });
        try {
            return new StagedRecordImport(open, type, sourceName, database.describe(), now);
        } catch (SQLException e) {
            Database.abandon(open.connection());
            throw new StoreException("beginning the import of " + sourceName + " in " + database.describe(), e);
        }
    }

    @Override
    public boolean append(Record record) {
        requireOpen();
        if (!keys.add(record.key())) {
            return false;
        }
        if (inChunk > 0) {
            payload.append(TextCodec.ROW_SEPARATOR);
        }
        payload.append(RecordText.encode(type, record));
        inChunk++;
        written++;
        if (inChunk == CHUNK_SIZE || payload.length() >= MAX_CHUNK_CHARS) {
            flush();
        }
        return true;
    }

    @Override
    public ImportSummary commit(String sourceSha256) {
        requireOpen();
        finished = true;
        try {
            if (inChunk > 0) {
                flush();
            }
            insert.executeBatch();
            Optional<ImportSummary> earlier = earlierImport(connection, type, sourceSha256, importId);
            if (earlier.isPresent()) {
                connection.rollback();
                return earlier.get();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE imports SET sha256 = ?, record_count = ? WHERE import_id = ?")) {
                update.setString(1, sourceSha256);
                update.setInt(2, written);
                update.setLong(3, importId);
                update.executeUpdate();
            }
            connection.commit();
            return new ImportSummary(importId, written, begun, false);
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                // the same file committed by another import meanwhile: that one stands
                try {
                    connection.rollback();
                    return earlierImport(connection, type, sourceSha256, importId).orElseThrow(() -> failure("storing", e));
                } catch (SQLException again) {
                    throw failure("storing", again);
                }
            }
            throw failure("storing", e);
        } finally {
            Database.abandon(connection); // after a commit there is nothing to roll back: it closes
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        Database.abandon(connection);
    }

    /**
     * @return the import of a file of the same type and bytes, other than the one given, if committed
     */
    static Optional<ImportSummary> earlierImport(Connection connection, RecordType type, String sha256, long importId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT import_id, record_count, imported_at FROM imports "
                + "WHERE record_type = ? AND sha256 = ? AND import_id <> ?")) {
            query.setString(1, type.name());
            query.setString(2, sha256);
            query.setLong(3, importId);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new ImportSummary(row.getLong(1), row.getInt(2), row.getTimestamp(3).toInstant(), true))
                        : Optional.empty();
            }
        }
    }

    private void flush() {
        try {
            insert.setLong(1, importId);
            insert.setInt(2, chunk);
            insert.setString(3, type.name());
            insert.setInt(4, inChunk);
            insert.setBytes(5, payload.toString().getBytes(StandardCharsets.UTF_8));
            insert.addBatch();
            if (chunk % CHUNKS_PER_BATCH == CHUNKS_PER_BATCH - 1) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            finished = true;
            Database.abandon(connection);
            throw failure("storing", e);
        }
        chunk++;
        inChunk = 0;
        payload.setLength(0);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the import of " + sourceName + " is already committed or abandoned");
        }
    }

    private StoreException failure(String doing, SQLException e) {
        return new StoreException(doing + " " + written + " " + type.name() + " records from " + sourceName
                + " in " + database + "; nothing of it is stored", e);
    }
}
