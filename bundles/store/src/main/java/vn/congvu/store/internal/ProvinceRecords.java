package vn.congvu.store.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;

/** The province's imported records as they are read back: every SQL statement over {@code record_chunks} but the import's. */
final class ProvinceRecords {

    private ProvinceRecords() {
    }

    /** @return the records of the type held, from the chunks' counts, without waiting for an import in progress */
    static long estimate(Connection connection, SqlDialect dialect, RecordType type) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(dialect.readingUncommitted(
                "SELECT SUM(CAST(record_count AS BIGINT)) FROM record_chunks WHERE record_type = ?"))) {
            query.setString(1, type.name());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        }
    }

    /**
     * Reads the newest import first; when the type has records from more than one import, a key already
     * read (from a later import) is skipped, so a corrected record replaces the earlier one.
     */
    static void read(Connection connection, RecordType type, Consumer<Record> action) throws SQLException {
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
                        int end = payload.indexOf(RecordText.RECORD_SEPARATOR, start);
                        end = end < 0 ? payload.length() : end;
                        Record record = RecordText.decode(type, payload.substring(start, end));
                        if (seen == null || seen.add(record.key())) {
                            action.accept(record);
                        }
                        start = end + 1;
                    }
                }
            }
        }
    }
}
